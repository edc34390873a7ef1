package org.vipctl.detect;

/** Transport of a socket. UDP has no listening state: every bound UDP socket counts as one that receives. */
public enum Protocol {
    TCP, UDP
}
