package org.vipctl.emit.admx;

/** One Intune custom-profile row: an OMA-URI with a String value. */
record OmaUriRow(String name, String description, String omaUri, String dataType, String value) {
}
