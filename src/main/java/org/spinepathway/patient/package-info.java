/**
 * Patients: the person behind every episode of care, with a medical record number, and for those
 * who registered themselves, a login account. A patient sees only their own record.
 */
package org.spinepathway.patient;
