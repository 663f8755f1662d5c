package org.koban.server.cve;

/** Where an id came from: reserved by Koban as a CNA, or assigned by an outside CNA and recorded by hand. */
public enum CveIdSource {
    CVE_SERVICES,
    CNA
}
