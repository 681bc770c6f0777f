package io.mcprospero.persistence.org;

/** A member's role in an org, strongest first. What each role may do is decided in one place: the authz package. */
public enum Role {
    OWNER,
    ADMIN,
    MEMBER,
    VIEWER;

    public boolean atLeast(Role other) {
        return ordinal() <= other.ordinal();
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Role fromWireName(String value) {
        for (Role role : values()) {
            if (role.wireName().equals(value)) {
                return role;
            }
        }
        throw new IllegalArgumentException("role must be one of owner, admin, member, viewer; got '" + value + "'");
    }
}
