package org.spinepathway.security.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.spinepathway.security.entity.Role;

/** A staff account as an administrator enters it ({@code POST /api/v1/staff}). */
public record NewStaffAccount(
        @NotBlank(message = "{account.username.required}")
        @Size(min = 3, max = 64, message = "{account.username.size}")
        @Pattern(regexp = "[A-Za-z0-9._@-]*", message = "{account.username.characters}")
        String username,

        String password,

        @NotNull(message = "{account.role.required}")
        @Pattern(regexp = "PHYSIO|PHYSICIAN|ADMIN", message = "{account.role.required}")
        String role,

        @NotBlank(message = "{account.displayName.required}")
        @Size(max = 200, message = "{account.displayName.tooLong}")
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "{text.noControlCharacters}")
        String displayName,

        /** Optional: where notifications for this colleague go (a physician's URGENT flags). */
        @Size(max = 254, message = "{account.email.invalid}")
        @jakarta.validation.constraints.Email(message = "{account.email.invalid}")
        String email) {

    /** The role, once the input has been validated. */
    public Role roleValue() {
        return Role.valueOf(role);
    }

    @Override
    public String toString() {
        return "NewStaffAccount[" + username + ", " + role + "]";
    }
}
