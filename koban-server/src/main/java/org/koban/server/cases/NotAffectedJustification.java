package org.koban.server.cases;

/** Why a version is not affected: CSAF 2.0's flag labels (section 3.2.3.5), the same words VEX uses. */
public enum NotAffectedJustification {
    COMPONENT_NOT_PRESENT("The vulnerable component is not present"),
    VULNERABLE_CODE_NOT_PRESENT("The vulnerable code is not present"),
    VULNERABLE_CODE_NOT_IN_EXECUTE_PATH("The vulnerable code is not in the execute path"),
    VULNERABLE_CODE_CANNOT_BE_CONTROLLED_BY_ADVERSARY("The vulnerable code cannot be controlled by an adversary"),
    INLINE_MITIGATIONS_ALREADY_EXIST("Inline mitigations already exist");

    private final String label;

    NotAffectedJustification(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The CSAF flag label, e.g. {@code component_not_present}. */
    public String csaf() {
        return name().toLowerCase();
    }
}
