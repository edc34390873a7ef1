package org.vipctl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The examples of the two vendor documents, and where their readings part. */
class LoopbackAddressTest {

    @Test
    void theDocumentedExamples() {
        assertEquals("127.0.0.2", LoopbackAddress.forSession(1).citrix());
        assertEquals("127.0.0.2", LoopbackAddress.forSession(1).microsoft());
        assertEquals("127.0.0.251", LoopbackAddress.forSession(250).citrix());
        assertTrue(LoopbackAddress.forSession(250).readingsAgree());
        LoopbackAddress s255 = LoopbackAddress.forSession(255);
        assertEquals("127.0.1.0", s255.citrix(), "Citrix: plain addition rolls over to 127.0.1.0");
        assertEquals("127.0.1.1", s255.microsoft(), "Microsoft's 2012 document: 127.0.1.1");
        assertFalse(s255.readingsAgree());
    }

    @Test
    void theReadingsAgreeBelowSession255() {
        for (long s = 0; s < 255; s++) {
            assertTrue(LoopbackAddress.forSession(s).readingsAgree(), "session " + s);
        }
        assertEquals("127.0.0.1", LoopbackAddress.forSession(0).citrix());
        assertEquals("127.0.0.255", LoopbackAddress.forSession(254).citrix());
    }

    @Test
    void theMaximumSessionEndsAt127_255_255_255() {
        LoopbackAddress max = LoopbackAddress.forSession(LoopbackAddress.MAX_SESSION);
        assertEquals("127.255.255.255", max.citrix());
        assertTrue(max.microsoft().startsWith("beyond"), max.microsoft());
        assertThrows(IllegalArgumentException.class, () -> LoopbackAddress.forSession(LoopbackAddress.MAX_SESSION + 1));
        assertThrows(IllegalArgumentException.class, () -> LoopbackAddress.forSession(-1));
    }
}
