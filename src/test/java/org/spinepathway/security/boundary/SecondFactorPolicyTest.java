package org.spinepathway.security.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.spinepathway.security.entity.Role;

class SecondFactorPolicyTest {

    @Test
    void roles_shouldBeReadFromACommaList_withNoneOrBlankMeaningNoRole() {
        assertEquals(EnumSet.of(Role.ADMIN, Role.PHYSICIAN), SecondFactorPolicy.parseRoles("ADMIN, physician"));
        assertEquals(EnumSet.noneOf(Role.class), SecondFactorPolicy.parseRoles("none"));
        assertEquals(EnumSet.noneOf(Role.class), SecondFactorPolicy.parseRoles(""));
    }

    @Test
    void anUnknownRole_shouldStopTheStart_namingIt() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> SecondFactorPolicy.parseRoles("ADMIN,DOCTOR"));
        assertTrue(refused.getMessage().contains("'DOCTOR'"), refused.getMessage());
    }

    @Test
    void afterTheRightPassword_anEnrolledAccountGivesItsCode_aRequiredRoleEnrols_andOthersAreIn() {
        SecondFactorPolicy policy = policy("ADMIN,PHYSICIAN");
        assertEquals(SecondFactorPolicy.NextStep.CODE, policy.afterPassword(Role.PATIENT, true));
        assertEquals(SecondFactorPolicy.NextStep.CODE, policy.afterPassword(Role.ADMIN, true));
        assertEquals(SecondFactorPolicy.NextStep.ENROL, policy.afterPassword(Role.PHYSICIAN, false));
        assertEquals(SecondFactorPolicy.NextStep.NONE, policy.afterPassword(Role.PHYSIO, false));
        assertEquals(SecondFactorPolicy.NextStep.NONE, policy.afterPassword(Role.PATIENT, false));
    }

    @Test
    void httpBasic_shouldBeRefused_forEveryAccountThatNeedsASecondFactor_unlessItIsAnIntegration() {
        SecondFactorPolicy policy = policy("ADMIN,PHYSICIAN");
        assertTrue(policy.refusesBasic(Role.ADMIN, false, false));
        assertTrue(policy.refusesBasic(Role.PHYSICIAN, true, false));
        assertTrue(policy.refusesBasic(Role.PATIENT, true, false), "a patient who turned two-step sign-in on");
        assertFalse(policy.refusesBasic(Role.PHYSICIAN, false, true));
        assertFalse(policy.refusesBasic(Role.PHYSIO, false, false));
        assertFalse(policy.refusesBasic(Role.PATIENT, false, false));
    }

    private static SecondFactorPolicy policy(String roles) {
        SecondFactorPolicy policy = new SecondFactorPolicy();
        policy.rolesSetting = Optional.of(roles);
        policy.init();
        return policy;
    }
}
