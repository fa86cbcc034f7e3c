package dev.cardgate.benchmarks.codec;

import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.ISOUtil;

/**
 * A typical POS authorization request (0100, 20 fields, chip card read) and its approval
 * (0110), as jPOS messages. The PAN is the well-known test number 4111 1111 1111 1111.
 */
final class SampleMessages {
    /** Fields a host echoes from the request into its answer, as the benchmark's encoder does. */
    static final int[] ECHOED_FIELDS = {2, 3, 4, 7, 11, 12, 13, 14, 18, 22, 25, 32, 37, 41, 42, 49};

    private SampleMessages() {
    }

    static ISOMsg authorizationRequest() throws ISOException {
        final ISOMsg request = new ISOMsg("0100");
        request.set(2, "4111111111111111");
        request.set(3, "000000");
        request.set(4, "000000012550");
        request.set(7, "1125131502");
        request.set(11, "004217");
        request.set(12, "131502");
        request.set(13, "1125");
        request.set(14, "2812");
        request.set(18, "5411");
        request.set(19, "840");
        request.set(22, "051");
        request.set(25, "00");
        request.set(32, "12345678");
        request.set(35, "4111111111111111=28121011234567890");
        request.set(37, "533012004217");
        request.set(41, "TERM0042");
        request.set(42, "MERCHANT0000042");
        request.set(43, "ACME GROCERIES          SPRINGFIELD   US");
        request.set(49, "840");
        request.set(52, ISOUtil.hex2byte("0123456789ABCDEF"));
        return request;
    }

    static ISOMsg authorizationResponse(final ISOMsg request) throws ISOException {
        final ISOMsg response = (ISOMsg)request.clone(ECHOED_FIELDS);
        response.setMTI("0110");
        response.set(38, "A1B2C3");
        response.set(39, "00");
        return response;
    }
}
