<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AccessControl</name>
    <message>
        <location filename="../app/core/access/AccessControl.cpp" line="+57"/>
        <source>Only an administrator may do this.</source>
        <translation>Only an administrator may do this.</translation>
    </message>
</context>
<context>
    <name>Accessibility</name>
    <message>
        <location filename="../ui/Accessibility.cpp" line="+109"/>
        <location filename="../ui/QuestionnaireItemWidget.cpp" line="+133"/>
        <source>%1, required</source>
        <translation>%1, required</translation>
    </message>
</context>
<context>
    <name>AccountAdmin</name>
    <message>
        <location filename="../app/core/access/AccountAdmin.cpp" line="+72"/>
        <source>You cannot disable your own account.</source>
        <translation>You cannot disable your own account.</translation>
    </message>
</context>
<context>
    <name>AccountCreateDialog</name>
    <message>
        <location filename="../ui/AccountCreateDialog.ui" line="+6"/>
        <source>New account</source>
        <translation>New account</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;Username:</source>
        <translation>&amp;Username:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Display name:</source>
        <translation>&amp;Display name:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Display name</source>
        <translation>Display name</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Role:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&amp;Confirm password:</source>
        <translation>&amp;Confirm password:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Confirm password</source>
        <translation>Confirm password</translation>
    </message>
</context>
<context>
    <name>AccountFormCheck</name>
    <message>
        <location filename="../ui/AccountFormCheck.cpp" line="+51"/>
        <source>The two passwords do not match. Type the same password twice.</source>
        <translation>The two passwords do not match. Type the same password twice.</translation>
    </message>
</context>
<context>
    <name>AccountPasswordDialog</name>
    <message>
        <location filename="../ui/AccountPasswordDialog.ui" line="+6"/>
        <source>Reset password</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;New password:</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&amp;Confirm new password:</source>
        <translation>&amp;Confirm new password:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Confirm new password</source>
        <translation>Confirm new password</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <location filename="../ui/AccountsPage.ui" line="+9"/>
        <location line="+27"/>
        <source>Staff accounts</source>
        <translation>Staff accounts</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Everyone gets their own account: no shared logins. Disabling an account keeps its history in the audit log.</source>
        <translation>Everyone gets their own account: no shared logins. Disabling an account keeps its history in the audit log.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Accounts:</source>
        <translation>&amp;Accounts:</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>&amp;New account…</source>
        <translation>&amp;New account…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Disable</source>
        <translation>&amp;Disable</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Reset password…</source>
        <translation>&amp;Reset password…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
</context>
<context>
    <name>AdminAuditCheck</name>
    <message numerus="yes">
        <location filename="../ui/AdminAuditCheck.cpp" line="+14"/>
        <source>The audit log is intact: %n entries, newest entry %1 (hash %2).</source>
        <translation>
            <numerusform>The audit log is intact: %n entry, newest entry %1 (hash %2).</numerusform>
            <numerusform>The audit log is intact: %n entries, newest entry %1 (hash %2).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The audit log is broken. First broken entry: %1. Details: %2</source>
        <translation>The audit log is broken. First broken entry: %1. Details: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Verify audit log</source>
        <translation>Verify audit log</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verifying the audit log…</source>
        <translation>Verifying the audit log…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The check was cancelled.</source>
        <translation>The check was cancelled.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The audit log could not be checked: %1</source>
        <translation>The audit log could not be checked: %1</translation>
    </message>
</context>
<context>
    <name>AuditExportDialog</name>
    <message>
        <location filename="../ui/AuditExportDialog.ui" line="+6"/>
        <source>Export audit log</source>
        <translation>Export audit log</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The whole log is verified first. The export records the chain head it was verified against, and the export itself is recorded in the log.</source>
        <translation>The whole log is verified first. The export records the chain head it was verified against, and the export itself is recorded in the log.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;From:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>First day</source>
        <translation>First day</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;To (inclusive):</source>
        <translation>&amp;To (inclusive):</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Last day</source>
        <translation>Last day</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;User:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>F&amp;ile:</source>
        <translation>F&amp;ile:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
</context>
<context>
    <name>CareGuidance</name>
    <message>
        <location filename="../app/core/visits/CareGuidance.cpp" line="+13"/>
        <source>no details given</source>
        <translation>no details given</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The next titration prescription was sent to the pharmacy. Nothing else to do: it is on the visit&apos;s prescription track.</source>
        <translation>The next titration prescription was sent to the pharmacy. Nothing else to do: it is on the visit&apos;s prescription track.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A new prescription was sent to the pharmacy. Nothing else to do: it is on the visit&apos;s prescription track.</source>
        <translation>A new prescription was sent to the pharmacy. Nothing else to do: it is on the visit&apos;s prescription track.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The visit is not resolved yet, so the clinician will use the new details. Wait for the clinician&apos;s decision.</source>
        <translation>The visit is not resolved yet, so the clinician will use the new details. Wait for the clinician&apos;s decision.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The clinician has not resolved this visit yet. Wait for the decision, then request the next titration again.</source>
        <translation>The clinician has not resolved this visit yet. Wait for the decision, then request the next titration again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The provider has no such visit. Start a new visit for the patient.</source>
        <translation>The provider has no such visit. Start a new visit for the patient.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The visit was referred, so no prescription can be written on it. Start a new visit if the patient still needs treatment.</source>
        <translation>The visit was referred, so no prescription can be written on it. Start a new visit if the patient still needs treatment.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is not the patient&apos;s most recent resolved weight-loss visit. Request the titration from that visit instead.</source>
        <translation>This is not the patient&apos;s most recent resolved weight-loss visit. Request the titration from that visit instead.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The programme&apos;s prescriptions have reached the maximum number of months. Start a follow-up visit for the patient.</source>
        <translation>The programme&apos;s prescriptions have reached the maximum number of months. Start a follow-up visit for the patient.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The visit was resolved 180 days ago or more, so the programme has ended. Start a new visit for the patient.</source>
        <translation>The visit was resolved 180 days ago or more, so the programme has ended. Start a new visit for the patient.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The prescription is more than 7 days old and can no longer be changed or resent. Start a new visit for the patient.</source>
        <translation>The prescription is more than 7 days old and can no longer be changed or resent. Start a new visit for the patient.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A check-in is due: the visit was resolved 90 days ago or more and no check-in was made since day 75. Start the check-in, then request the titration again.</source>
        <translation>A check-in is due: the visit was resolved 90 days ago or more and no check-in was made since day 75. Start the check-in, then request the titration again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The latest check-in asked for a follow-up visit. Start the follow-up visit; the next prescription comes from it.</source>
        <translation>The latest check-in asked for a follow-up visit. Start the follow-up visit; the next prescription comes from it.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A titration request may hold exactly one medication. Choose a single medication and send again.</source>
        <translation>A titration request may hold exactly one medication. Choose a single medication and send again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The medication is not in this visit&apos;s category. Choose a medication of the visit&apos;s own category.</source>
        <translation>The medication is not in this visit&apos;s category. Choose a medication of the visit&apos;s own category.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The pharmacy is unknown or is not the patient&apos;s. Choose the patient&apos;s pharmacy (or change the visit&apos;s pharmacy first).</source>
        <translation>The pharmacy is unknown or is not the patient&apos;s. Choose the patient&apos;s pharmacy (or change the visit&apos;s pharmacy first).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It is too soon or too late after the previous prescription (15 to 60 days for a 1-month prescription, 60 to 120 for a 3-month one). Request again inside that window.</source>
        <translation>It is too soon or too late after the previous prescription (15 to 60 days for a 1-month prescription, 60 to 120 for a 3-month one). Request again inside that window.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The prescription&apos;s length does not match (1 month versus 3 months). Choose the same length as the current prescription.</source>
        <translation>The prescription&apos;s length does not match (1 month versus 3 months). Choose the same length as the current prescription.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The dose does not follow the titration (one step from the current dose, in the direction the latest check-in asked for). Choose the right dose.</source>
        <translation>The dose does not follow the titration (one step from the current dose, in the direction the latest check-in asked for). Choose the right dose.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The provider cannot prescribe this medication (%1). Choose another medication.</source>
        <translation>The provider cannot prescribe this medication (%1). Choose another medication.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This prescription was changed or resent too many times. Contact the provider&apos;s support.</source>
        <translation>This prescription was changed or resent too many times. Contact the provider&apos;s support.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The provider refused the request (%1). Correct it if the reason says how, otherwise contact the provider&apos;s support.</source>
        <translation>The provider refused the request (%1). Correct it if the reason says how, otherwise contact the provider&apos;s support.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The provider answered with a status this version does not know (%1). Contact the provider&apos;s support.</source>
        <translation>The provider answered with a status this version does not know (%1). Contact the provider&apos;s support.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No answer from the provider (network or provider down). Nothing was changed: send the same request again later.</source>
        <translation>No answer from the provider (network or provider down). Nothing was changed: send the same request again later.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contact the provider&apos;s support.</source>
        <translation>Contact the provider&apos;s support.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Wait for the clinician</source>
        <translation>Wait for the clinician</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start the check-in</source>
        <translation>Start the check-in</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start a follow-up visit</source>
        <translation>Start a follow-up visit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start a new visit</source>
        <translation>Start a new visit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the pharmacy</source>
        <translation>Choose the pharmacy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the medication</source>
        <translation>Choose the medication</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request again later</source>
        <translation>Request again later</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the latest visit</source>
        <translation>Open the latest visit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contact support</source>
        <translation>Contact support</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send again</source>
        <translation>Send again</translation>
    </message>
</context>
<context>
    <name>CareRequestDialog</name>
    <message>
        <location filename="../ui/CareRequestDialog.ui" line="+24"/>
        <source>&amp;Medication:</source>
        <translation>&amp;Medication:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Medication</source>
        <translation>Medication</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Pharmacy id:</source>
        <translation>&amp;Pharmacy id:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Pharmacy id</source>
        <translation>Pharmacy id</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>C&amp;hoose pharmacy…</source>
        <translation>C&amp;hoose pharmacy…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose pharmacy from the provider&apos;s list</source>
        <translation>Choose pharmacy from the provider&apos;s list</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&amp;Send request</source>
        <translation>&amp;Send request</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
</context>
<context>
    <name>CareRequests</name>
    <message>
        <location filename="../app/core/visits/CareRequests.cpp" line="+30"/>
        <location line="+13"/>
        <location line="+12"/>
        <location line="+162"/>
        <source>No such visit.</source>
        <translation>No such visit.</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>This visit asked for no medication, so there is nothing to titrate.</source>
        <translation>This visit asked for no medication, so there is nothing to titrate.</translation>
    </message>
</context>
<context>
    <name>CheckinPage</name>
    <message>
        <location filename="../ui/CheckinPage.ui" line="+9"/>
        <source>Weight-loss check-in</source>
        <translation>Weight-loss check-in</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>BMI</source>
        <translation>BMI</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Leave the check-in without submitting it (Esc)</source>
        <translation>Leave the check-in without submitting it (Esc)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Submit check-in</source>
        <translation>&amp;Submit check-in</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check every answer and queue the check-in for the provider (Ctrl+Return)</source>
        <translation>Check every answer and queue the check-in for the provider (Ctrl+Return)</translation>
    </message>
</context>
<context>
    <name>CheckinRules</name>
    <message>
        <location filename="../app/core/intake/CheckinRules.cpp" line="+45"/>
        <source>%1: the BMI is %2, and the provider accepts a check-in from a BMI of 19. Check the weight and height.</source>
        <translation>%1: the BMI is %2, and the provider accepts a check-in from a BMI of 19. Check the weight and height.</translation>
    </message>
</context>
<context>
    <name>CheckinStart</name>
    <message>
        <location filename="../app/core/visits/CheckinStart.cpp" line="+73"/>
        <location line="+44"/>
        <source>No such visit.</source>
        <translation>No such visit.</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>A check-in starts from a weight-loss visit.</source>
        <translation>A check-in starts from a weight-loss visit.</translation>
    </message>
</context>
<context>
    <name>CredentialFields</name>
    <message>
        <location filename="../ui/CredentialFields.cpp" line="+22"/>
        <source>Enter your username.</source>
        <translation>Enter your username.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter your password.</source>
        <translation>Enter your password.</translation>
    </message>
</context>
<context>
    <name>DemographicRules</name>
    <message numerus="yes">
        <location filename="../app/core/intake/DemographicRules.cpp" line="+67"/>
        <source>Use at most %n characters.</source>
        <translation>
            <numerusform>Use at most %n character.</numerusform>
            <numerusform>Use at most %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A name needs at least one letter.</source>
        <translation>A name needs at least one letter.</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Enter a real date as MM/DD/YYYY.</source>
        <translation>Enter a real date as MM/DD/YYYY.</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Type the date with slashes, as MM/DD/YYYY: %1.</source>
        <translation>Type the date with slashes, as MM/DD/YYYY: %1.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The date of birth must be in the past.</source>
        <translation>The date of birth must be in the past.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the year: that is more than 120 years ago.</source>
        <translation>Check the year: that is more than 120 years ago.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter a 10-digit US phone number, e.g. (512) 555-0123.</source>
        <translation>Enter a 10-digit US phone number, e.g. (512) 555-0123.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not a US state. Enter a two-letter US state code, e.g. TX.</source>
        <translation>%1 is not a US state. Enter a two-letter US state code, e.g. TX.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter a two-letter US state code, e.g. TX.</source>
        <translation>Enter a two-letter US state code, e.g. TX.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter a 5-digit ZIP code.</source>
        <translation>Enter a 5-digit ZIP code.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter an e-mail address such as name@example.com.</source>
        <translation>Enter an e-mail address such as name@example.com.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose Male, Female or Other.</source>
        <translation>Choose Male, Female or Other.</translation>
    </message>
</context>
<context>
    <name>DraftsPage</name>
    <message>
        <location filename="../ui/DraftsPage.ui" line="+11"/>
        <source>&amp;Back</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back to the home page (Esc)</source>
        <translation>Back to the home page (Esc)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back to the home page</source>
        <translation>Back to the home page</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+32"/>
        <source>Unfinished intakes</source>
        <translation>Unfinished intakes</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>No unfinished intakes. Start a new one.</source>
        <translation>No unfinished intakes. Start a new one.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>&amp;New intake</source>
        <translation>&amp;New intake</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Resume</source>
        <translation>&amp;Resume</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Hand to a colleague...</source>
        <translation>&amp;Hand to a colleague...</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Discard...</source>
        <translation>&amp;Discard...</translation>
    </message>
</context>
<context>
    <name>DuePanel</name>
    <message>
        <location filename="../ui/DuePanel.ui" line="+21"/>
        <source>Weight-loss patients whose next titration window is open, whose check-in is due, or whose programme has ended, from this computer&apos;s records.</source>
        <translation>Weight-loss patients whose next titration window is open, whose check-in is due, or whose programme has ended, from this computer&apos;s records.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>What is due</source>
        <translation>What is due</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Patients due</source>
        <translation>Patients due</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Open programme &amp;visit</source>
        <translation>Open programme &amp;visit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the patient&apos;s programme visit, where the titration or check-in starts (Enter)</source>
        <translation>Open the patient&apos;s programme visit, where the titration or check-in starts (Enter)</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <location filename="../ui/FirstRunPage.ui" line="+40"/>
        <source>Welcome to ClinicDesk</source>
        <translation>Welcome to ClinicDesk</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No accounts exist on this computer yet. Create the first administrator account; administrators add accounts for the rest of the staff later.</source>
        <translation>No accounts exist on this computer yet. Create the first administrator account; administrators add accounts for the rest of the staff later.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Username:</source>
        <translation>&amp;Username:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>3 to 32 characters: letters a–z, digits, dot, underscore or hyphen.</source>
        <translation>3 to 32 characters: letters a–z, digits, dot, underscore or hyphen.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Display name:</source>
        <translation>&amp;Display name:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Display name</source>
        <translation>Display name</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>How colleagues see you, for example &quot;Ana Ruiz, RN&quot;.</source>
        <translation>How colleagues see you, for example &quot;Ana Ruiz, RN&quot;.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>C&amp;onfirm password:</source>
        <translation>C&amp;onfirm password:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Confirm password</source>
        <translation>Confirm password</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&amp;Create administrator account</source>
        <translation>&amp;Create administrator account</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../ui/HomePage.ui" line="+41"/>
        <source>&amp;New intake</source>
        <translation>&amp;New intake</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unfinished &amp;intakes</source>
        <translation>Unfinished &amp;intakes</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Lock now</source>
        <translation>&amp;Lock now</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <location filename="../app/core/intake/IntakeForm.cpp" line="+210"/>
        <source>Answer yes or no.</source>
        <translation>Answer yes or no.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+68"/>
        <source>Tick this box to continue.</source>
        <translation>Tick this box to continue.</translation>
    </message>
    <message>
        <location line="-63"/>
        <location line="+3"/>
        <source>Enter a whole number.</source>
        <translation>Enter a whole number.</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Enter a number.</source>
        <translation>Enter a number.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter %1 or more.</source>
        <translation>Enter %1 or more.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter %1 or less.</source>
        <translation>Enter %1 or less.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enter a date on or after %1.</source>
        <translation>Enter a date on or after %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter a date on or before %1.</source>
        <translation>Enter a date on or before %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose one of the listed answers.</source>
        <translation>Choose one of the listed answers.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Enter text.</source>
        <translation>Enter text.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Enter at least %n character(s).</source>
        <translation>
            <numerusform>Enter at least %n character.</numerusform>
            <numerusform>Enter at least %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Enter at most %n character(s).</source>
        <translation>
            <numerusform>Enter at most %n character.</numerusform>
            <numerusform>Enter at most %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This answer is not in the expected format.</source>
        <translation>This answer is not in the expected format.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected format: %1</source>
        <translation>Expected format: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>This question needs an answer.</source>
        <translation>This question needs an answer.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give one answer only.</source>
        <translation>Give one answer only.</translation>
    </message>
</context>
<context>
    <name>IntakeSubmission</name>
    <message>
        <location filename="../app/core/visits/IntakeSubmission.cpp" line="+26"/>
        <source>Choose a visit type first.</source>
        <translation>Choose a visit type first.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n answer(s) need attention before submitting.</source>
        <translation>
            <numerusform>%n answer needs attention before submitting.</numerusform>
            <numerusform>%n answers need attention before submitting.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LabRequisition</name>
    <message>
        <location filename="../app/core/visits/LabRequisition.cpp" line="+44"/>
        <source>The requisition is not shown because its view could not be recorded in the audit log: %1</source>
        <translation>The requisition is not shown because its view could not be recorded in the audit log: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This lab order has no requisition yet.</source>
        <translation>This lab order has no requisition yet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The requisition cannot be opened: %1</source>
        <translation>The requisition cannot be opened: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The file cannot be replaced.</source>
        <translation>The file cannot be replaced.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The file cannot be created: %1</source>
        <translation>The file cannot be created: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The file cannot be written: %1</source>
        <translation>The file cannot be written: %1</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <location filename="../ui/LockPage.ui" line="+40"/>
        <source>ClinicDesk is locked</source>
        <translation>ClinicDesk is locked</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&amp;Username:</source>
        <translation>&amp;Username:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Only the person who locked it or an administrator can continue. An administrator signs in as themselves: the other session ends, and its open intake stays saved as a draft.</source>
        <translation>Only the person who locked it or an administrator can continue. An administrator signs in as themselves: the other session ends, and its open intake stays saved as a draft.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.ui" line="+29"/>
        <source>Opening the encrypted data… If the system asks to unlock the keychain, unlock it to continue.</source>
        <translation>Opening the encrypted data… If the system asks to unlock the keychain, unlock it to continue.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Menu bar (F10)</source>
        <translation>Menu bar (F10)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Go</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Ad&amp;ministration</source>
        <translation>Ad&amp;ministration</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&amp;Home</source>
        <translation>&amp;Home</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back to the home page (Ctrl+Shift+H)</source>
        <translation>Back to the home page (Ctrl+Shift+H)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;New intake</source>
        <translation>&amp;New intake</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start a new patient intake (Ctrl+Shift+N)</source>
        <translation>Start a new patient intake (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Unfinished intakes</source>
        <translation>&amp;Unfinished intakes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Resume, discard or hand over an unfinished intake (Ctrl+Shift+U)</source>
        <translation>Resume, discard or hand over an unfinished intake (Ctrl+Shift+U)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open the menu bar</source>
        <translation>Open the menu bar</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Accounts</source>
        <translation>&amp;Accounts</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Staff accounts: create, disable, enable, reset passwords (Ctrl+Shift+A)</source>
        <translation>Staff accounts: create, disable, enable, reset passwords (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Export audit log…</source>
        <translation>&amp;Export audit log…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export the audit log by date range and user (Ctrl+Shift+E)</source>
        <translation>Export the audit log by date range and user (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Verify audit log</source>
        <translation>&amp;Verify audit log</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check that no audit entry was edited, deleted or reordered (Ctrl+Shift+V)</source>
        <translation>Check that no audit entry was edited, deleted or reordered (Ctrl+Shift+V)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Undelivered patient &amp;messages</source>
        <translation>Undelivered patient &amp;messages</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Messages to patients that could not be delivered, with Retry (Ctrl+Shift+M)</source>
        <translation>Messages to patients that could not be delivered, with Retry (Ctrl+Shift+M)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Patient message &amp;templates…</source>
        <translation>Patient message &amp;templates…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The wording of the e-mails and texts to patients, with a preview (Ctrl+Shift+T)</source>
        <translation>The wording of the e-mails and texts to patients, with a preview (Ctrl+Shift+T)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Lock now</source>
        <translation>&amp;Lock now</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hide everything until you enter your password again (Ctrl+L)</source>
        <translation>Hide everything until you enter your password again (Ctrl+L)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>End your session; open intakes stay saved as drafts (Ctrl+Shift+Q)</source>
        <translation>End your session; open intakes stay saved as drafts (Ctrl+Shift+Q)</translation>
    </message>
</context>
<context>
    <name>NameCorrection</name>
    <message>
        <location filename="../app/core/visits/NameCorrection.cpp" line="+157"/>
        <source>The provider has the corrected name.</source>
        <translation>The provider has the corrected name.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The provider no longer accepts a name change on this visit: the patient&apos;s ID has been approved under the old name. Contact provider support if the name on the prescription must change.</source>
        <translation>The provider no longer accepts a name change on this visit: the patient&apos;s ID has been approved under the old name. Contact provider support if the name on the prescription must change.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The provider does not know this visit. Check the visit&apos;s status with the provider, then correct the name again.</source>
        <translation>The provider does not know this visit. Check the visit&apos;s status with the provider, then correct the name again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The provider refused the name&apos;s format. Check that the first and last name are filled in with letters only, then try again.</source>
        <translation>The provider refused the name&apos;s format. Check that the first and last name are filled in with letters only, then try again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The provider did not accept the name change (the visit may be canceled). Contact provider support.</source>
        <translation>The provider did not accept the name change (the visit may be canceled). Contact provider support.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The provider did not answer. Try again later; the corrected name is kept here.</source>
        <translation>The provider did not answer. Try again later; the corrected name is kept here.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Patient name updated by the provider</source>
        <translation>Patient name updated by the provider</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient name updated by the provider: %1 (was %2)</source>
        <translation>Patient name updated by the provider: %1 (was %2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Patient name corrected by staff: %1 (was %2); the provider has it</source>
        <translation>Patient name corrected by staff: %1 (was %2); the provider has it</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Patient name corrected by staff: %1 (was %2); the provider keeps the old name (ID already approved)</source>
        <translation>Patient name corrected by staff: %1 (was %2); the provider keeps the old name (ID already approved)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Patient name corrected by staff: %1 (was %2); the provider did not take it</source>
        <translation>Patient name corrected by staff: %1 (was %2); the provider did not take it</translation>
    </message>
</context>
<context>
    <name>NotificationFailuresDialog</name>
    <message>
        <location filename="../ui/NotificationFailuresDialog.ui" line="+6"/>
        <source>Undelivered patient messages</source>
        <translation>Undelivered patient messages</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Undelivered messages</source>
        <translation>Undelivered messages</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One row per message that could not be delivered: when, channel, message, visit, attempts and the reason</source>
        <translation>One row per message that could not be delivered: when, channel, message, visit, attempts and the reason</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Visit</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Retry</source>
        <translation>&amp;Retry</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Retry the selected message</source>
        <translation>Retry the selected message</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PasswordPolicy</name>
    <message>
        <location filename="../app/core/accounts/PasswordPolicy.cpp" line="+71"/>
        <source>Too short: use at least %1 characters.</source>
        <translation>Too short: use at least %1 characters.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use at most %1 characters.</source>
        <translation>Use at most %1 characters.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This password is on a list of common or leaked passwords. Choose another one.</source>
        <translation>This password is on a list of common or leaked passwords. Choose another one.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The password must not be the same as the username.</source>
        <translation>The password must not be the same as the username.</translation>
    </message>
</context>
<context>
    <name>PatientMessageTimeline</name>
    <message>
        <location filename="../app/core/visits/PatientMessageTimeline.cpp" line="+15"/>
        <source>prescription written</source>
        <translation>prescription written</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>more information needed</source>
        <translation>more information needed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>order shipped</source>
        <translation>order shipped</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>order delivered</source>
        <translation>order delivered</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>referred</source>
        <translation>referred</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>visit canceled</source>
        <translation>visit canceled</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>lab form ready</source>
        <translation>lab form ready</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>E-mail to the patient (%1)</source>
        <translation>E-mail to the patient (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text to the patient (%1)</source>
        <translation>Text to the patient (%1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: sent</source>
        <translation>%1: sent</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: not sent, no consent</source>
        <translation>%1: not sent, no consent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: held for quiet hours until %2</source>
        <translation>%1: held for quiet hours until %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: failed: %2</source>
        <translation>%1: failed: %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(unreadable)</source>
        <translation>(unreadable)</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1: not delivered yet after %n attempt(s)</source>
        <translation>
            <numerusform>%1: not delivered yet after %n attempt</numerusform>
            <numerusform>%1: not delivered yet after %n attempts</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: queued</source>
        <translation>%1: queued</translation>
    </message>
</context>
<context>
    <name>ProviderPatientLink</name>
    <message>
        <location filename="../app/core/visits/ProviderPatientLink.cpp" line="+106"/>
        <source>A patient with this phone number is on file now: look them up instead of linking.</source>
        <translation>A patient with this phone number is on file now: look them up instead of linking.</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>The provider has no patient with this phone number either. Continue with the intake: a new patient record is made.</source>
        <translation>The provider has no patient with this phone number either. Continue with the intake: a new patient record is made.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The provider could not be reached just now. Continue with the intake as a new patient, or ask the provider again in a moment.</source>
        <translation>The provider could not be reached just now. Continue with the intake as a new patient, or ask the provider again in a moment.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The provider knows a patient with this phone number.</source>
        <translation>The provider knows a patient with this phone number.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recorded from the provider when %1 linked the patient (an earlier visit, not submitted from this console)</source>
        <translation>Recorded from the provider when %1 linked the patient (an earlier visit, not submitted from this console)</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../app/core/accounts/Session.cpp" line="+157"/>
        <source>Only %1 or an administrator can unlock this console.</source>
        <translation>Only %1 or an administrator can unlock this console.</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../ui/SignInPage.ui" line="+40"/>
        <source>Sign in to ClinicDesk</source>
        <translation>Sign in to ClinicDesk</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Use your own account: every action is recorded under it.</source>
        <translation>Use your own account: every action is recorded under it.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Username:</source>
        <translation>&amp;Username:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&amp;Sign in</source>
        <translation>&amp;Sign in</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Forgot your password? An administrator can reset it.</source>
        <translation>Forgot your password? An administrator can reset it.</translation>
    </message>
</context>
<context>
    <name>StaffTimeline</name>
    <message>
        <location filename="../app/core/visits/StaffTimeline.cpp" line="+20"/>
        <source>Prescription change requested by %1; the console sends it until the provider answers</source>
        <translation>Prescription change requested by %1; the console sends it until the provider answers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next titration requested by %1; the console sends it until the provider answers</source>
        <translation>Next titration requested by %1; the console sends it until the provider answers</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Prescription change answered by the provider: %1</source>
        <translation>Prescription change answered by the provider: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next titration request answered by the provider: %1</source>
        <translation>Next titration request answered by the provider: %1</translation>
    </message>
</context>
<context>
    <name>StoreErrorPage</name>
    <message>
        <location filename="../ui/StoreErrorPage.ui" line="+40"/>
        <source>ClinicDesk cannot open its data</source>
        <translation>ClinicDesk cannot open its data</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Details:</source>
        <translation>Details:</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>&amp;Retry</source>
        <translation>&amp;Retry</translation>
    </message>
</context>
<context>
    <name>UserRepository</name>
    <message>
        <location filename="../app/core/accounts/UserRepository.cpp" line="+31"/>
        <source>The username or password is not correct.</source>
        <translation>The username or password is not correct.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Use %1 to %2 characters: letters a–z, digits, dot, underscore or hyphen.</source>
        <translation>Use %1 to %2 characters: letters a–z, digits, dot, underscore or hyphen.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Enter the name shown to colleagues.</source>
        <translation>Enter the name shown to colleagues.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use at most %1 characters.</source>
        <translation>Use at most %1 characters.</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+247"/>
        <source>There is no such account.</source>
        <translation>There is no such account.</translation>
    </message>
    <message>
        <location line="-198"/>
        <location line="+26"/>
        <source>That username is already taken.</source>
        <translation>That username is already taken.</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+208"/>
        <source>The password could not be hashed.</source>
        <translation>The password could not be hashed.</translation>
    </message>
    <message>
        <location line="-135"/>
        <source>This account is locked after too many failed sign-ins. Try again after %1.</source>
        <translation>This account is locked after too many failed sign-ins. Try again after %1.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This account is disabled. Ask an administrator to enable it.</source>
        <translation>This account is disabled. Ask an administrator to enable it.</translation>
    </message>
</context>
<context>
    <name>VisitBoardPage</name>
    <message>
        <location filename="../ui/VisitBoardPage.ui" line="+11"/>
        <location line="+257"/>
        <source>Visits</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location line="-228"/>
        <source>Show visits by status</source>
        <translation>Show visits by status</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Find &amp;patient:</source>
        <translation>Find &amp;patient:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Find patient</source>
        <translation>Find patient</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Phone, or name and date of birth (MM/DD/YYYY)</source>
        <translation>Phone, or name and date of birth (MM/DD/YYYY)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Fin&amp;d</source>
        <translation>Fin&amp;d</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show &amp;all</source>
        <translation>Show &amp;all</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;Visit type:</source>
        <translation>&amp;Visit type:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Submitted &amp;by:</source>
        <translation>Submitted &amp;by:</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>F&amp;rom:</source>
        <translation>F&amp;rom:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Submitted from</source>
        <translation>Submitted from</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;To:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Submitted until</source>
        <translation>Submitted until</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Op&amp;en visit</source>
        <translation>Op&amp;en visit</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Waiting for patient</source>
        <translation>&amp;Waiting for patient</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mark that the clinic asked the patient for what the clinician needs (or clear that mark)</source>
        <translation>Mark that the clinic asked the patient for what the clinician needs (or clear that mark)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Needs attention &amp;first</source>
        <translation>Needs attention &amp;first</translation>
    </message>
</context>
<context>
    <name>VisitConversationTab</name>
    <message>
        <location filename="../ui/VisitConversationTab.ui" line="+9"/>
        <source>Messages with the clinician</source>
        <translation>Messages with the clinician</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Send &amp;to:</source>
        <translation>Send &amp;to:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Send to</source>
        <translation>Send to</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Reply:</source>
        <translation>&amp;Reply:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reply</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ctrl+Return sends it.</source>
        <translation>Ctrl+Return sends it.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Write your answer. Ctrl+Return sends it.</source>
        <translation>Write your answer. Ctrl+Return sends it.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Send</source>
        <translation>&amp;Send</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send the reply</source>
        <translation>Send the reply</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send (Ctrl+Return)</source>
        <translation>Send (Ctrl+Return)</translation>
    </message>
</context>
<context>
    <name>VisitCorrection</name>
    <message>
        <location filename="../app/core/visits/VisitCorrection.cpp" line="+67"/>
        <location line="+31"/>
        <source>There is no visit %1.</source>
        <translation>There is no visit %1.</translation>
    </message>
    <message numerus="yes">
        <location line="-10"/>
        <source>%n field(s) need attention: %1</source>
        <translation>
            <numerusform>%n field needs attention: %1</numerusform>
            <numerusform>%n fields need attention: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Only a visit the provider refused can be corrected and sent again.</source>
        <translation>Only a visit the provider refused can be corrected and sent again.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The visit&apos;s stored form is not readable JSON.</source>
        <translation>The visit&apos;s stored form is not readable JSON.</translation>
    </message>
</context>
<context>
    <name>VisitDetailPage</name>
    <message>
        <location filename="../ui/VisitDetailPage.ui" line="+11"/>
        <source>&amp;Back</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back to the visits</source>
        <translation>Back to the visits</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back to the visits (Esc)</source>
        <translation>Back to the visits (Esc)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&amp;Check with provider</source>
        <translation>&amp;Check with provider</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check the visit&apos;s status with the provider</source>
        <translation>Check the visit&apos;s status with the provider</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Refused by the provider</source>
        <translation>Refused by the provider</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&amp;Fix and resubmit…</source>
        <translation>&amp;Fix and resubmit…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fix the refused fields and resubmit the visit</source>
        <translation>Fix the refused fields and resubmit the visit</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Visit sections</source>
        <translation>Visit sections</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>C&amp;onversation</source>
        <translation>C&amp;onversation</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Prescriptions &amp;&amp; pharmacy</source>
        <translation>&amp;Prescriptions &amp;&amp; pharmacy</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prescriptions and the pharmacy order</source>
        <translation>Prescriptions and the pharmacy order</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Labs</source>
        <translation>&amp;Labs</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lab orders, their requisition and results</source>
        <translation>Lab orders, their requisition and results</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>T&amp;imeline</source>
        <translation>T&amp;imeline</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Patient &amp;&amp; &amp;answers</source>
        <translation>Patient &amp;&amp; &amp;answers</translation>
    </message>
</context>
<context>
    <name>VisitFixDialog</name>
    <message>
        <location filename="../ui/VisitFixDialog.ui" line="+6"/>
        <source>Fix and resubmit the visit</source>
        <translation>Fix and resubmit the visit</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;First name:</source>
        <translation>&amp;First name:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>First name</source>
        <translation>First name</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Last name:</source>
        <translation>&amp;Last name:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Last name</source>
        <translation>Last name</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Date of birth:</source>
        <translation>&amp;Date of birth:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Se&amp;x:</source>
        <translation>Se&amp;x:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Sex assigned at birth</source>
        <translation>Sex assigned at birth</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Phone:</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Mobile phone</source>
        <translation>Mobile phone</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Address:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Street address</source>
        <translation>Street address</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;City:</source>
        <translation>&amp;City:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;State:</source>
        <translation>&amp;State:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>State (2 letters)</source>
        <translation>State (2 letters)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;ZIP code:</source>
        <translation>&amp;ZIP code:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>ZIP code</source>
        <translation>ZIP code</translation>
    </message>
</context>
<context>
    <name>VisitLabs</name>
    <message>
        <location filename="../app/core/visits/VisitLabs.cpp" line="+8"/>
        <source>Kit shipped to the patient</source>
        <translation>Kit shipped to the patient</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kit delivered to the patient</source>
        <translation>Kit delivered to the patient</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sample shipped to the lab</source>
        <translation>Sample shipped to the lab</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sample received by the lab</source>
        <translation>Sample received by the lab</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Results ready: consult can be booked</source>
        <translation>Results ready: consult can be booked</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requisition ready to print</source>
        <translation>Requisition ready to print</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Lab order event %1 (unreadable)</source>
        <translation>Lab order event %1 (unreadable)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Lab order %1: %2 (%3, tracking %4)</source>
        <translation>Lab order %1: %2 (%3, tracking %4)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lab order %1: %2</source>
        <translation>Lab order %1: %2</translation>
    </message>
</context>
<context>
    <name>VisitPatientTab</name>
    <message>
        <location filename="../ui/VisitPatientTab.ui" line="+11"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>First name:</source>
        <translation>First name:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Last name:</source>
        <translation>Last name:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Date of birth:</source>
        <translation>Date of birth:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Sex:</source>
        <translation>Sex:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Phone:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>E-mail:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Address:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>City:</source>
        <translation>City:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>State:</source>
        <translation>State:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>ZIP code:</source>
        <translation>ZIP code:</translation>
    </message>
    <message>
        <location line="+42"/>
        <location line="+17"/>
        <source>Intake answers</source>
        <translation>Intake answers</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
</context>
<context>
    <name>VisitPrescriptionsTab</name>
    <message>
        <location filename="../ui/VisitPrescriptionsTab.ui" line="+11"/>
        <source>No prescription has been written for this visit yet.</source>
        <translation>No prescription has been written for this visit yet.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Prescriptions</source>
        <translation>Prescriptions</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Medication</source>
        <translation>Medication</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Strength</source>
        <translation>Strength</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Refills</source>
        <translation>Refills</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Prescribed by</source>
        <translation>Prescribed by</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Written</source>
        <translation>Written</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Next titration re&amp;quest…</source>
        <translation>Next titration re&amp;quest…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ask the provider for the next titration prescription of this weight-loss programme</source>
        <translation>Ask the provider for the next titration prescription of this weight-loss programme</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Start chec&amp;k-in…</source>
        <translation>Start chec&amp;k-in…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start the patient&apos;s weight-loss check-in from this visit</source>
        <translation>Start the patient&apos;s weight-loss check-in from this visit</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>C&amp;hange or resend…</source>
        <translation>C&amp;hange or resend…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send the prescription to another pharmacy, change the medication, or resend it</source>
        <translation>Send the prescription to another pharmacy, change the medication, or resend it</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Pharmacy order</source>
        <translation>Pharmacy order</translation>
    </message>
</context>
<context>
    <name>VisitRecordReader</name>
    <message>
        <location filename="../app/core/visits/VisitRecordSummary.cpp" line="+25"/>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clinic staff</source>
        <translation>Clinic staff</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../app/core/visits/VisitRecord.cpp" line="+81"/>
        <source>The visit is not shown because its view could not be recorded in the audit log: %1</source>
        <translation>The visit is not shown because its view could not be recorded in the audit log: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>There is no visit %1.</source>
        <translation>There is no visit %1.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>it failed authentication (the stored value was altered, moved or truncated)</source>
        <translation>it failed authentication (the stored value was altered, moved or truncated)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The provider&apos;s reason cannot be shown: %1.</source>
        <translation>The provider&apos;s reason cannot be shown: %1.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The patient&apos;s details cannot be shown: %1.</source>
        <translation>The patient&apos;s details cannot be shown: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The patient&apos;s details cannot be shown: %1</source>
        <translation>The patient&apos;s details cannot be shown: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the stored value is not readable JSON</source>
        <translation>the stored value is not readable JSON</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The intake answers cannot be shown: %1.</source>
        <translation>The intake answers cannot be shown: %1.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Intake submitted and queued for the provider</source>
        <translation>Intake submitted and queued for the provider</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The provider&apos;s answer cannot be shown: %1.</source>
        <translation>The provider&apos;s answer cannot be shown: %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delivered to the provider</source>
        <translation>Delivered to the provider</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Refused by the provider: %1</source>
        <translation>Refused by the provider: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Not delivered yet after %n attempt(s): %1</source>
        <translation>
            <numerusform>Not delivered yet after %n attempt: %1</numerusform>
            <numerusform>Not delivered yet after %n attempts: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+24"/>
        <source>A message cannot be shown: %1.</source>
        <translation>A message cannot be shown: %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reply to the clinician written</source>
        <translation>Reply to the clinician written</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Message to support written</source>
        <translation>Message to support written</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reply delivered to the clinician</source>
        <translation>Reply delivered to the clinician</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message delivered to support</source>
        <translation>Message delivered to support</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Message refused: %1</source>
        <translation>Message refused: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Status checked with the provider</source>
        <translation>Status checked with the provider</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>A %1 event cannot be shown: %2.</source>
        <translation>A %1 event cannot be shown: %2.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Status check with the provider: canceled there</source>
        <translation>Status check with the provider: canceled there</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status check with the provider: resolved with a prescription</source>
        <translation>Status check with the provider: resolved with a prescription</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status check with the provider: resolved without a prescription (referred)</source>
        <translation>Status check with the provider: resolved without a prescription (referred)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Next titration prescription sent to the pharmacy</source>
        <translation>Next titration prescription sent to the pharmacy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed prescription sent to the pharmacy</source>
        <translation>Changed prescription sent to the pharmacy</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 (unreadable: %2)</source>
        <translation>%1 (unreadable: %2)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Prescription written</source>
        <translation>Prescription written</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prescription written by %1</source>
        <translation>Prescription written by %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Consultation concluded: referred</source>
        <translation>Consultation concluded: referred</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consultation concluded: prescribed</source>
        <translation>Consultation concluded: prescribed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Consultation canceled by the provider</source>
        <translation>Consultation canceled by the provider</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Clinician</source>
        <translation>Clinician</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Provider support</source>
        <translation>Provider support</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Message from the clinician</source>
        <translation>Message from the clinician</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Message from provider support</source>
        <translation>Message from provider support</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Pharmacy order being filled</source>
        <translation>Pharmacy order being filled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pharmacy order shipped</source>
        <translation>Pharmacy order shipped</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pharmacy order delivered</source>
        <translation>Pharmacy order delivered</translation>
    </message>
</context>
<context>
    <name>VisitStatusStyle</name>
    <message>
        <location filename="../ui/VisitStatusStyle.cpp" line="+71"/>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Queued</source>
        <translation>Queued</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Needs information</source>
        <translation>Needs information</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prescribed</source>
        <translation>Prescribed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Referred</source>
        <translation>Referred</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Canceled</source>
        <translation>Canceled</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Written</source>
        <translation>Written</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In fulfillment</source>
        <translation>In fulfillment</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shipped</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delivered</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nobody</source>
        <translation>Nobody</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clinic</source>
        <translation>Clinic</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pharmacy</source>
        <translation>Pharmacy</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the clinician asked a question</source>
        <translation>the clinician asked a question</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>refused by the provider</source>
        <translation>refused by the provider</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not delivered to the provider</source>
        <translation>not delivered to the provider</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no news for a long time</source>
        <translation>no news for a long time</translation>
    </message>
</context>
<context>
    <name>VisitText</name>
    <message>
        <location filename="../ui/VisitText.cpp" line="+15"/>
        <source>unknown time</source>
        <translation>unknown time</translation>
    </message>
</context>
<context>
    <name>VisitTimelineTab</name>
    <message>
        <location filename="../ui/VisitTimelineTab.ui" line="+9"/>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Event</source>
        <translation>Event</translation>
    </message>
</context>
<context>
    <name>clinicdesk::AccountCreateDialog</name>
    <message>
        <location filename="../ui/AccountCreateDialog.cpp" line="+24"/>
        <source>Each person gets their own account. Give them the password in person; they cannot change it themselves yet, so an administrator resets it when needed.</source>
        <translation>Each person gets their own account. Give them the password in person; they cannot change it themselves yet, so an administrator resets it when needed.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At least %1 characters. A few unrelated words are easy to remember and hard to guess.</source>
        <translation>At least %1 characters. A few unrelated words are easy to remember and hard to guess.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Create account</source>
        <translation>&amp;Create account</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The account could not be created: %1</source>
        <translation>The account could not be created: %1</translation>
    </message>
</context>
<context>
    <name>clinicdesk::AccountListModel</name>
    <message>
        <location filename="../ui/AccountListModel.cpp" line="+46"/>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not locked</source>
        <translation>Not locked</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Display name</source>
        <translation>Display name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Locked until</source>
        <translation>Locked until</translation>
    </message>
</context>
<context>
    <name>clinicdesk::AccountPasswordDialog</name>
    <message>
        <location filename="../ui/AccountPasswordDialog.cpp" line="+25"/>
        <source>Set a new password for %1 (%2). Give it to them in person.</source>
        <translation>Set a new password for %1 (%2). Give it to them in person.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>At least %1 characters. A few unrelated words are easy to remember and hard to guess.</source>
        <translation>At least %1 characters. A few unrelated words are easy to remember and hard to guess.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Set password</source>
        <translation>&amp;Set password</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The password could not be set: %1</source>
        <translation>The password could not be set: %1</translation>
    </message>
</context>
<context>
    <name>clinicdesk::AccountsPage</name>
    <message>
        <location filename="../ui/AccountsPage.cpp" line="+73"/>
        <source>The accounts could not be listed: %1</source>
        <translation>The accounts could not be listed: %1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>&amp;Enable</source>
        <translation>&amp;Enable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Disable</source>
        <translation>&amp;Disable</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Account %1 created.</source>
        <translation>Account %1 created.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Disable account</source>
        <translation>Disable account</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disable %1&apos;s account? They cannot sign in until an administrator enables it again.</source>
        <translation>Disable %1&apos;s account? They cannot sign in until an administrator enables it again.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Account %1 disabled.</source>
        <translation>Account %1 disabled.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account %1 enabled.</source>
        <translation>Account %1 enabled.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>New password set for %1. Any lockout was cleared.</source>
        <translation>New password set for %1. Any lockout was cleared.</translation>
    </message>
</context>
<context>
    <name>clinicdesk::AuditExportDialog</name>
    <message>
        <location filename="../ui/AuditExportDialog.cpp" line="+41"/>
        <source>Everyone</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CSV (RFC 4180)</source>
        <translation>CSV (RFC 4180)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON Lines</source>
        <translation>JSON Lines</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FHIR R4 Bundle of AuditEvent</source>
        <translation>FHIR R4 Bundle of AuditEvent</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Export</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Export audit log to</source>
        <translation>Export audit log to</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit export (*%1)</source>
        <translation>Audit export (*%1)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose a file to export to.</source>
        <translation>Choose a file to export to.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The last day is before the first day.</source>
        <translation>The last day is before the first day.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The file cannot be written: %1</source>
        <translation>The file cannot be written: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Verifying and exporting the audit log…</source>
        <translation>Verifying and exporting the audit log…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export audit log</source>
        <translation>Export audit log</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Export cancelled: no file was written.</source>
        <translation>Export cancelled: no file was written.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing was exported: %1</source>
        <translation>Nothing was exported: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file could not be saved: %1</source>
        <translation>The file could not be saved: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Exported %n entries to %1. Verified against chain head %2 (hash %3).</source>
        <translation>
            <numerusform>Exported %n entry to %1. Verified against chain head %2 (hash %3).</numerusform>
            <numerusform>Exported %n entries to %1. Verified against chain head %2 (hash %3).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>clinicdesk::CareRequestDialog</name>
    <message numerus="yes">
        <location filename="../ui/CareRequestDialog.cpp" line="+23"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Next titration</source>
        <translation>Next titration</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change or resend the prescription</source>
        <translation>Change or resend the prescription</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask the provider for %1&apos;s next titration prescription: exactly one medication, sent to the patient&apos;s pharmacy.</source>
        <translation>Ask the provider for %1&apos;s next titration prescription: exactly one medication, sent to the patient&apos;s pharmacy.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send %1&apos;s prescription to another pharmacy, change the medication, or leave both as they are to resend it.</source>
        <translation>Send %1&apos;s prescription to another pharmacy, change the medication, or leave both as they are to resend it.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Request the titration</source>
        <translation>&amp;Request the titration</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Send the change</source>
        <translation>&amp;Send the change</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>empty: the visit&apos;s pharmacy</source>
        <translation>empty: the visit&apos;s pharmacy</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No provider link is running, so nothing can be asked now (clinicdesk-admin provider configure).</source>
        <translation>No provider link is running, so nothing can be asked now (clinicdesk-admin provider configure).</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Keep the current medication</source>
        <translation>Keep the current medication</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Chosen pharmacy: %1</source>
        <translation>Chosen pharmacy: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This visit cannot be read, so nothing was sent.</source>
        <translation>This visit cannot be read, so nothing was sent.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose the patient&apos;s pharmacy, or type its pharmacy id: the titration is sent to it.</source>
        <translation>Choose the patient&apos;s pharmacy, or type its pharmacy id: the titration is sent to it.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Asking the provider…</source>
        <translation>Asking the provider…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The provider did not answer (attempt %1). The console keeps trying; you may close this window.</source>
        <translation>The provider did not answer (attempt %1). The console keeps trying; you may close this window.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The request could not be queued: %1</source>
        <translation>The request could not be queued: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sending to the provider… The console tries again until the provider answers: you may close this window, the answer goes on the visit&apos;s timeline.</source>
        <translation>Sending to the provider… The console tries again until the provider answers: you may close this window, the answer goes on the visit&apos;s timeline.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>It could not be recorded on this computer: %1</source>
        <translation>It could not be recorded on this computer: %1</translation>
    </message>
</context>
<context>
    <name>clinicdesk::CheckinPage</name>
    <message>
        <location filename="../ui/CheckinPage.cpp" line="+55"/>
        <source>Weight-loss check-in: %1 %2</source>
        <translation>Weight-loss check-in: %1 %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing was carried over from the programme visit: answer every question.</source>
        <translation>Nothing was carried over from the programme visit: answer every question.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change only what changed. Carried over from the programme visit: %1</source>
        <translation>Change only what changed. Carried over from the programme visit: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Check-in</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>BMI: enter the weight and height</source>
        <translation>BMI: enter the weight and height</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>BMI %1: below 19, the provider refuses the check-in</source>
        <translation>BMI %1: below 19, the provider refuses the check-in</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>BMI %1</source>
        <translation>BMI %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Some answers need attention before submitting.</source>
        <translation>Some answers need attention before submitting.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not sent: %1</source>
        <translation>Not sent: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The check-in could not be queued: %1</source>
        <translation>The check-in could not be queued: %1</translation>
    </message>
</context>
<context>
    <name>clinicdesk::DateField</name>
    <message>
        <location filename="../ui/DateField.cpp" line="+23"/>
        <source>Any</source>
        <translation>Any</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Any date, or a day: Up and Down change it, Delete goes back to any date.</source>
        <translation>Any date, or a day: Up and Down change it, Delete goes back to any date.</translation>
    </message>
</context>
<context>
    <name>clinicdesk::DraftListModel</name>
    <message>
        <location filename="../ui/DraftListModel.cpp" line="+51"/>
        <source>(no name yet)</source>
        <translation>(no name yet)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(not chosen)</source>
        <translation>(not chosen)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Visit type</source>
        <translation>Visit type</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last edit</source>
        <translation>Last edit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Complete</source>
        <translation>Complete</translation>
    </message>
</context>
<context>
    <name>clinicdesk::DraftsPage</name>
    <message>
        <location filename="../ui/DraftsPage.cpp" line="+91"/>
        <source>No unfinished intakes. Start a new one.</source>
        <translation>No unfinished intakes. Start a new one.</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>The drafts could not be read: %1</source>
        <translation>The drafts could not be read: %1</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+7"/>
        <source>Discard intake</source>
        <translation>Discard intake</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Discard this unfinished intake? Its answers are deleted and cannot be recovered.</source>
        <translation>Discard this unfinished intake? Its answers are deleted and cannot be recovered.</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+21"/>
        <location line="+6"/>
        <source>Hand to a colleague</source>
        <translation>Hand to a colleague</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>There is no other active staff account.</source>
        <translation>There is no other active staff account.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Colleague who continues this intake:</source>
        <translation>Colleague who continues this intake:</translation>
    </message>
</context>
<context>
    <name>clinicdesk::DueListModel</name>
    <message>
        <location filename="../ui/DueListModel.cpp" line="+20"/>
        <source>Next titration</source>
        <translation>Next titration</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check-in</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Programme ended</source>
        <translation>Programme ended</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>all %n months prescribed</source>
        <translation>
            <numerusform>all %n months prescribed</numerusform>
            <numerusform>all %n months prescribed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>ended %n day(s) ago</source>
        <translation>
            <numerusform>ended %n day ago</numerusform>
            <numerusform>ended %n days ago</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ended today</source>
        <translation>ended today</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n day left</numerusform>
            <numerusform>%n days left</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>last day today</source>
        <translation>last day today</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n day overdue</numerusform>
            <numerusform>%n days overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+58"/>
        <source>prescribed %n day(s) ago</source>
        <translation>
            <numerusform>prescribed %n day ago</numerusform>
            <numerusform>prescribed %n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>resolved %n day(s) ago</source>
        <translation>
            <numerusform>resolved %n day ago</numerusform>
            <numerusform>resolved %n days ago</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Days left</source>
        <translation>Days left</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Since</source>
        <translation>Since</translation>
    </message>
</context>
<context>
    <name>clinicdesk::DuePanel</name>
    <message>
        <location filename="../ui/DuePanel.cpp" line="+36"/>
        <source>(name cannot be shown)</source>
        <translation>(name cannot be shown)</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>What is due could not be computed: %1</source>
        <translation>What is due could not be computed: %1</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>All due (%L1)</source>
        <translation>All due (%L1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next titration (%L1)</source>
        <translation>Next titration (%L1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check-in (%L1)</source>
        <translation>Check-in (%L1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programme ended (%L1)</source>
        <translation>Programme ended (%L1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing is due.</source>
        <translation>Nothing is due.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Showing %L1 of %L2</source>
        <translation>Showing %L1 of %L2</translation>
    </message>
</context>
<context>
    <name>clinicdesk::EditLease</name>
    <message>
        <location filename="../ui/EditLease.cpp" line="+25"/>
        <source>It is in use by %1 at %2 since %3.</source>
        <translation>It is in use by %1 at %2 since %3.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This workstation was away too long and another one has taken this over; changes made here from now on are not saved.</source>
        <translation>This workstation was away too long and another one has taken this over; changes made here from now on are not saved.</translation>
    </message>
</context>
<context>
    <name>clinicdesk::FirstRunPage</name>
    <message>
        <location filename="../ui/FirstRunPage.cpp" line="+25"/>
        <source>At least %1 characters. A few unrelated words are easy to remember and hard to guess.</source>
        <translation>At least %1 characters. A few unrelated words are easy to remember and hard to guess.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>The account could not be created: %1</source>
        <translation>The account could not be created: %1</translation>
    </message>
</context>
<context>
    <name>clinicdesk::HomePage</name>
    <message>
        <location filename="../ui/HomePage.cpp" line="+36"/>
        <source>Welcome, %1</source>
        <translation>Welcome, %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>staff</source>
        <translation>staff</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed in as %1 (%2).</source>
        <translation>Signed in as %1 (%2).</translation>
    </message>
</context>
<context>
    <name>clinicdesk::IntakePharmacyChooser</name>
    <message>
        <location filename="../ui/IntakePharmacyChooser.cpp" line="+48"/>
        <source>C&amp;hoose pharmacy…</source>
        <translation>C&amp;hoose pharmacy…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose pharmacy from the provider&apos;s list</source>
        <translation>Choose pharmacy from the provider&apos;s list</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Chosen: %1 (provider id %2)</source>
        <translation>Chosen: %1 (provider id %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Or type the pharmacy below.</source>
        <translation>Or type the pharmacy below.</translation>
    </message>
</context>
<context>
    <name>clinicdesk::IntakeReview</name>
    <message>
        <location filename="../ui/IntakeReview.cpp" line="+29"/>
        <source>Summary of the answers</source>
        <translation>Summary of the answers</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Visit type</source>
        <translation>Visit type</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>clinicdesk::IntakeStepList</name>
    <message>
        <location filename="../ui/IntakeStepList.cpp" line="+11"/>
        <source>Intake steps</source>
        <translation>Intake steps</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Step %1 of %2: %3</source>
        <translation>Step %1 of %2: %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (current step)</source>
        <translation>%1 (current step)</translation>
    </message>
</context>
<context>
    <name>clinicdesk::IntakeWizard</name>
    <message>
        <location filename="../ui/IntakeWizard.cpp" line="+63"/>
        <source>&amp;Back</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save and close</source>
        <translation>&amp;Save and close</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+324"/>
        <source>&amp;Next</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <location line="-308"/>
        <source>Visit type *</source>
        <translation>Visit type *</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+1"/>
        <source>Visit type</source>
        <translation>Visit type</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose...</source>
        <translation>Choose...</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Next step (Ctrl+Return)</source>
        <translation>Next step (Ctrl+Return)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous step (Ctrl+Page Up)</source>
        <translation>Previous step (Ctrl+Page Up)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the draft and close (Ctrl+S)</source>
        <translation>Save the draft and close (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Draft saved at %1</source>
        <translation>Draft saved at %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The draft could not be saved: %1</source>
        <translation>The draft could not be saved: %1</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Draft restored</source>
        <translation>Draft restored</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Using the details on file</source>
        <translation>Using the details on file</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Linked to the provider&apos;s patient; %n earlier visit(s) recorded. Check the details below.</source>
        <translation>
            <numerusform>Linked to the provider&apos;s patient; %n earlier visit recorded. Check the details below.</numerusform>
            <numerusform>Linked to the provider&apos;s patient; %n earlier visits recorded. Check the details below.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Visit, medication and pharmacy</source>
        <translation>Visit, medication and pharmacy</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Review and consent</source>
        <translation>Review and consent</translation>
    </message>
    <message>
        <location filename="../ui/IntakeWizardDraft.cpp" line="+26"/>
        <source>Saving draft...</source>
        <translation>Saving draft...</translation>
    </message>
    <message>
        <location filename="../ui/IntakeWizard.cpp" line="+86"/>
        <source>S&amp;ubmit</source>
        <translation>S&amp;ubmit</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose the visit type.</source>
        <translation>Choose the visit type.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Some answers on this step need attention.</source>
        <translation>Some answers on this step need attention.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Some answers need attention before submitting.</source>
        <translation>Some answers need attention before submitting.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This patient may already be on file: reuse the record or confirm it is a different person.</source>
        <translation>This patient may already be on file: reuse the record or confirm it is a different person.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Submit</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Submitted: the visit is queued for the provider.</source>
        <translation>Submitted: the visit is queued for the provider.</translation>
    </message>
</context>
<context>
    <name>clinicdesk::LabRequisitionDialog</name>
    <message>
        <location filename="../ui/LabRequisitionDialog.cpp" line="+29"/>
        <location line="+1"/>
        <location line="+63"/>
        <source>Lab requisition</source>
        <translation>Lab requisition</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Requisition document</source>
        <translation>Requisition document</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Print…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print the requisition</source>
        <translation>Print the requisition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as P&amp;DF…</source>
        <translation>Save as P&amp;DF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the requisition as a PDF file</source>
        <translation>Save the requisition as a PDF file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close the requisition</source>
        <translation>Close the requisition</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The requisition is not a readable PDF.</source>
        <translation>The requisition is not a readable PDF.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Print the lab requisition</source>
        <translation>Print the lab requisition</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The requisition could not be printed.</source>
        <translation>The requisition could not be printed.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Save the lab requisition</source>
        <translation>Save the lab requisition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>clinicdesk::LockPage</name>
    <message>
        <location filename="../ui/LockPage.cpp" line="+34"/>
        <source>%1 locked this console. Enter the password to continue.</source>
        <translation>%1 locked this console. Enter the password to continue.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Unlocking failed because the local store reported an error: %1</source>
        <translation>Unlocking failed because the local store reported an error: %1</translation>
    </message>
</context>
<context>
    <name>clinicdesk::MainWindow</name>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="+392"/>
        <source>&amp;Home (%n new)</source>
        <translation>
            <numerusform>&amp;Home (%n new)</numerusform>
            <numerusform>&amp;Home (%n new)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Home</source>
        <translation>&amp;Home</translation>
    </message>
</context>
<context>
    <name>clinicdesk::NameCorrectionDialog</name>
    <message>
        <location filename="../ui/NameCorrectionDialog.cpp" line="+29"/>
        <source>Correct the patient&apos;s name</source>
        <translation>Correct the patient&apos;s name</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The patient has no open visit with the provider: the name is corrected here only.</source>
        <translation>The patient has no open visit with the provider: the name is corrected here only.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The corrected name is sent to the provider for each of the patient&apos;s open visits (%n visit(s)). Once the provider has approved the patient&apos;s ID it no longer accepts a name change.</source>
        <translation>
            <numerusform>The corrected name is sent to the provider for the patient&apos;s open visit (%n visit). Once the provider has approved the patient&apos;s ID it no longer accepts a name change.</numerusform>
            <numerusform>The corrected name is sent to the provider for each of the patient&apos;s open visits (%n visits). Once the provider has approved the patient&apos;s ID it no longer accepts a name change.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>First name</source>
        <translation>First name</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last name</source>
        <translation>Last name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;First name:</source>
        <translation>&amp;First name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Last name:</source>
        <translation>&amp;Last name:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Send correction</source>
        <translation>&amp;Send correction</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send the name correction</source>
        <translation>Send the name correction</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Type both the first and the last name.</source>
        <translation>Type both the first and the last name.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The name is unchanged: nothing to send.</source>
        <translation>The name is unchanged: nothing to send.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No provider link is running, so the correction cannot be sent now. Try again when the console is connected.</source>
        <translation>No provider link is running, so the correction cannot be sent now. Try again when the console is connected.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sending the correction to the provider…</source>
        <translation>Sending the correction to the provider…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The corrected name could not be saved here: %1</source>
        <translation>The corrected name could not be saved here: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The corrected name is saved here; each visit&apos;s timeline shows both names.</source>
        <translation>The corrected name is saved here; each visit&apos;s timeline shows both names.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Visit %1 of %2: %3</source>
        <translation>Visit %1 of %2: %3</translation>
    </message>
</context>
<context>
    <name>clinicdesk::NotificationFailuresDialog</name>
    <message>
        <location filename="../ui/NotificationFailuresDialog.cpp" line="+44"/>
        <source>The messages cannot be read: %1</source>
        <translation>The messages cannot be read: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text message</source>
        <translation>Text message</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(unreadable)</source>
        <translation>(unreadable)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Every message to patients was delivered or is still being tried.</source>
        <translation>Every message to patients was delivered or is still being tried.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n message(s) to patients could not be delivered. Fix the cause (the reason says what the server answered), then choose Retry.</source>
        <translation>
            <numerusform>%n message to patients could not be delivered. Fix the cause (the reason says what the server answered), then choose Retry.</numerusform>
            <numerusform>%n messages to patients could not be delivered. Fix the cause (the reason says what the server answered), then choose Retry.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Queued again: the relay sends it within a minute.</source>
        <translation>Queued again: the relay sends it within a minute.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It could not be queued again.</source>
        <translation>It could not be queued again.</translation>
    </message>
</context>
<context>
    <name>clinicdesk::NotificationTemplatesDialog</name>
    <message>
        <location filename="../ui/NotificationTemplatesDialog.cpp" line="+55"/>
        <location line="+18"/>
        <source>Messages to patients</source>
        <translation>Messages to patients</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>What patients receive by e-mail and text message for each event, in English and Spanish. Only the minimum: never a diagnosis, a medication or an answer.</source>
        <translation>What patients receive by e-mail and text message for each event, in English and Spanish. Only the minimum: never a diagnosis, a medication or an answer.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wording</source>
        <translation>Wording</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One row per event and language: the message, its language and whether the clinic changed its wording</source>
        <translation>One row per event and language: the message, its language and whether the clinic changed its wording</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Subject (e-mail only)</source>
        <translation>Subject (e-mail only)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;ubject (e-mail only):</source>
        <translation>S&amp;ubject (e-mail only):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Text of the message</source>
        <translation>Text of the message</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Text:</source>
        <translation>&amp;Text:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Placeholders you may use: %1. Anything else is refused when saved.</source>
        <translation>Placeholders you may use: %1. Anything else is refused when saved.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Preview: the exact text the patient receives</source>
        <translation>Preview: the exact text the patient receives</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pre&amp;view with sample values (a text message carries the text only):</source>
        <translation>Pre&amp;view with sample values (a text message carries the text only):</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the message</source>
        <translation>Save the message</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reset to built-in text</source>
        <translation>&amp;Reset to built-in text</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset the message to the built-in text</source>
        <translation>Reset the message to the built-in text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Spanish</source>
        <translation>Spanish</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Changed, not saved</source>
        <translation>Changed, not saved</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(unreadable)</source>
        <translation>(unreadable)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The clinic&apos;s wording</source>
        <translation>The clinic&apos;s wording</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Built-in</source>
        <translation>Built-in</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The message cannot be read: %1</source>
        <translation>The message cannot be read: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Subject: %1</source>
        <translation>Subject: %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The placeholder {%1} is not allowed: a message may use only %2.</source>
        <translation>The placeholder {%1} is not allowed: a message may use only %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A { or } has no partner: placeholders are written {name}.</source>
        <translation>A { or } has no partner: placeholders are written {name}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The text is empty.</source>
        <translation>The text is empty.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too long: the subject may have at most 200 characters, the text 1000.</source>
        <translation>Too long: the subject may have at most 200 characters, the text 1000.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unknown message or language.</source>
        <translation>Unknown message or language.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not saved: only an administrator may change the messages to patients.</source>
        <translation>Not saved: only an administrator may change the messages to patients.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Not saved. %1</source>
        <translation>Not saved. %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved: the next messages use this text.</source>
        <translation>Saved: the next messages use this text.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not reset: %1</source>
        <translation>Not reset: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Back to the built-in text.</source>
        <translation>Back to the built-in text.</translation>
    </message>
</context>
<context>
    <name>clinicdesk::PatientLookupPanel</name>
    <message>
        <location filename="../ui/PatientLookupPanel.cpp" line="+18"/>
        <source>&amp;Use this patient&apos;s details</source>
        <translation>&amp;Use this patient&apos;s details</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It is a &amp;different person</source>
        <translation>It is a &amp;different person</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>A patient with this phone number is already on file: %1 %2, born %3.</source>
        <translation>A patient with this phone number is already on file: %1 %2, born %3.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A patient with this name and date of birth is already on file: %1 %2, born %3.</source>
        <translation>A patient with this name and date of birth is already on file: %1 %2, born %3.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reuse their details, or say it is a different person to create a new record.</source>
        <translation>Reuse their details, or say it is a different person to create a new record.</translation>
    </message>
</context>
<context>
    <name>clinicdesk::PharmacyPickerDialog</name>
    <message>
        <location filename="../ui/PharmacyPickerDialog.cpp" line="+42"/>
        <source>Choose a pharmacy</source>
        <translation>Choose a pharmacy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search the provider&apos;s pharmacy list by ZIP code; a name, city or state narrows it. Enter searches, the arrows choose, Enter picks, Esc cancels.</source>
        <translation>Search the provider&apos;s pharmacy list by ZIP code; a name, city or state narrows it. Enter searches, the arrows choose, Enter picks, Esc cancels.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;ZIP code *:</source>
        <translation>&amp;ZIP code *:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ZIP code, required</source>
        <translation>ZIP code, required</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>5 digits</source>
        <translation>5 digits</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pharmacy name</source>
        <translation>Pharmacy name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ity:</source>
        <translation>C&amp;ity:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;tate:</source>
        <translation>S&amp;tate:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. TX</source>
        <translation>e.g. TX</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Search</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Pharmacies found:</source>
        <translation>&amp;Pharmacies found:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pharmacies found</source>
        <translation>Pharmacies found</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>C&amp;hoose</source>
        <translation>C&amp;hoose</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No provider link is running, so the pharmacy list cannot be searched now. Type the pharmacy by hand instead.</source>
        <translation>No provider link is running, so the pharmacy list cannot be searched now. Type the pharmacy by hand instead.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Type the pharmacy&apos;s 5-digit ZIP code to search.</source>
        <translation>Type the pharmacy&apos;s 5-digit ZIP code to search.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Searching the provider&apos;s pharmacy list…</source>
        <translation>Searching the provider&apos;s pharmacy list…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The provider could not search with these details (%1). Check the ZIP code and the state.</source>
        <translation>The provider could not search with these details (%1). Check the ZIP code and the state.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The provider&apos;s pharmacy list cannot be reached right now. Try again in a moment, or type the pharmacy by hand.</source>
        <translation>The provider&apos;s pharmacy list cannot be reached right now. Try again in a moment, or type the pharmacy by hand.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No pharmacy found for this search. Try a nearby ZIP code or fewer details.</source>
        <translation>No pharmacy found for this search. Try a nearby ZIP code or fewer details.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n pharmacy(s) found, nearest first.</source>
        <translation>
            <numerusform>%n pharmacy found, nearest first.</numerusform>
            <numerusform>%n pharmacies found, nearest first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>clinicdesk::ProviderPatientPanel</name>
    <message>
        <location filename="../ui/ProviderPatientPanel.cpp" line="+22"/>
        <source>resolved</source>
        <translation>resolved</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>canceled</source>
        <translation>canceled</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>status not given</source>
        <translation>status not given</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+68"/>
        <source>As&amp;k the provider</source>
        <translation>As&amp;k the provider</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>&amp;Link this patient</source>
        <translation>&amp;Link this patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not this &amp;patient</source>
        <translation>Not this &amp;patient</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Patient at the provider</source>
        <translation>Patient at the provider</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Ask the provider about this phone number</source>
        <translation>Ask the provider about this phone number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link this provider patient</source>
        <translation>Link this provider patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not this patient</source>
        <translation>Not this patient</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not linked: the intake goes on as a new patient.</source>
        <translation>Not linked: the intake goes on as a new patient.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>No patient on file has this phone number. The provider may know this patient from earlier visits: ask the provider to link their record.</source>
        <translation>No patient on file has this phone number. The provider may know this patient from earlier visits: ask the provider to link their record.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>As&amp;k again</source>
        <translation>As&amp;k again</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Asking the provider...</source>
        <translation>Asking the provider...</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Visit %1: %2, %3</source>
        <translation>Visit %1: %2, %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>type not given</source>
        <translation>type not given</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No earlier visits listed.</source>
        <translation>No earlier visits listed.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The provider knows a patient with this phone number: check the details, then link or say it is not this patient.</source>
        <translation>The provider knows a patient with this phone number: check the details, then link or say it is not this patient.</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>The provider knows a patient with this phone number: %1 %2, born %3, %4. %n earlier visit(s). Is this the patient in front of you? Linking makes the patient record from these details (check them on this page afterwards) and records their earlier visits here.</source>
        <translation>
            <numerusform>The provider knows a patient with this phone number: %1 %2, born %3, %4. %n earlier visit. Is this the patient in front of you? Linking makes the patient record from these details (check them on this page afterwards) and records their earlier visit here.</numerusform>
            <numerusform>The provider knows a patient with this phone number: %1 %2, born %3, %4. %n earlier visits. Is this the patient in front of you? Linking makes the patient record from these details (check them on this page afterwards) and records their earlier visits here.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>date unknown</source>
        <translation>date unknown</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The link could not be saved: %1</source>
        <translation>The link could not be saved: %1</translation>
    </message>
</context>
<context>
    <name>clinicdesk::QuestionnaireItemWidget</name>
    <message>
        <location filename="../ui/QuestionnaireItemWidget.cpp" line="-34"/>
        <source>Format: %1</source>
        <translation>Format: %1</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Other (type here)</source>
        <translation>Other (type here)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Choose...</source>
        <translation>Choose...</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>One answer per line</source>
        <translation>One answer per line</translation>
    </message>
</context>
<context>
    <name>clinicdesk::SessionWorkspace</name>
    <message>
        <location filename="../ui/SessionWorkspace.cpp" line="+49"/>
        <source>The provider asks for a follow-up visit after the check-in, but its draft could not be made: %1</source>
        <translation>The provider asks for a follow-up visit after the check-in, but its draft could not be made: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The provider asks for a follow-up visit after the check-in: a follow-up intake, filled in from it, is in the unfinished intakes.</source>
        <translation>The provider asks for a follow-up visit after the check-in: a follow-up intake, filled in from it, is in the unfinished intakes.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Open intake</source>
        <translation>Open intake</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The intake could not be opened: %1</source>
        <translation>The intake could not be opened: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The visit was submitted and is queued for the provider.</source>
        <translation>The visit was submitted and is queued for the provider.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Start check-in</source>
        <translation>Start check-in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The check-in could not be started: %1</source>
        <translation>The check-in could not be started: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The check-in was submitted and is queued for the provider.</source>
        <translation>The check-in was submitted and is queued for the provider.</translation>
    </message>
</context>
<context>
    <name>clinicdesk::SignInPage</name>
    <message>
        <location filename="../ui/SignInPage.cpp" line="+50"/>
        <source>Signing in failed because the local store reported an error: %1</source>
        <translation>Signing in failed because the local store reported an error: %1</translation>
    </message>
</context>
<context>
    <name>clinicdesk::StoreErrorPage</name>
    <message>
        <location filename="../ui/StoreErrorPage.cpp" line="+25"/>
        <location line="+22"/>
        <source>Join this clinic</source>
        <translation>Join this clinic</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>A new PC gets the clinic&apos;s data key with a one-time code. Ask an administrator for one (it is valid for 15 minutes), type it here and choose Join.</source>
        <translation>A new PC gets the clinic&apos;s data key with a one-time code. Ask an administrator for one (it is valid for 15 minutes), type it here and choose Join.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>One-time &amp;code:</source>
        <translation>One-time &amp;code:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>One-time code</source>
        <translation>One-time code</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Join error</source>
        <translation>Join error</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Join</source>
        <translation>&amp;Join</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Type the one-time code first.</source>
        <translation>Type the one-time code first.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>This PC does not have the clinic&apos;s data key yet. If it is new to the clinic, join it below with a one-time code from an administrator; otherwise restore the key from your key backup.</source>
        <translation>This PC does not have the clinic&apos;s data key yet. If it is new to the clinic, join it below with a one-time code from an administrator; otherwise restore the key from your key backup.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No keychain service answered. ClinicDesk keeps the key that encrypts its data in the system keychain. Start the desktop keyring (for example GNOME Keyring or KWallet), then choose Retry.</source>
        <translation>No keychain service answered. ClinicDesk keeps the key that encrypts its data in the system keychain. Start the desktop keyring (for example GNOME Keyring or KWallet), then choose Retry.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The keychain refused access to the data key. Unlock the keychain and allow ClinicDesk to use it, then choose Retry.</source>
        <translation>The keychain refused access to the data key. Unlock the keychain and allow ClinicDesk to use it, then choose Retry.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key for this data is missing from the keychain or key file. Restore it from your key backup. ClinicDesk does not make a new key for existing data: a new key could not read it.</source>
        <translation>The key for this data is missing from the keychain or key file. Restore it from your key backup. ClinicDesk does not make a new key for existing data: a new key could not read it.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The key that was found does not open this data. Check that ClinicDesk uses the right keychain entry or key file.</source>
        <translation>The key that was found does not open this data. Check that ClinicDesk uses the right keychain entry or key file.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key file can be read by other users. Allow only its owner to read it (chmod 600), then choose Retry.</source>
        <translation>The key file can be read by other users. Allow only its owner to read it (chmod 600), then choose Retry.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key file cannot be read or is damaged. Restore it from your key backup.</source>
        <translation>The key file cannot be read or is damaged. Restore it from your key backup.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Encrypted data failed its integrity check: it was changed outside ClinicDesk or belongs to another store. Restore the data folder from a backup.</source>
        <translation>Encrypted data failed its integrity check: it was changed outside ClinicDesk or belongs to another store. Restore the data folder from a backup.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The data could not be upgraded for this version of ClinicDesk. Nothing was changed. Contact your support team with the details below.</source>
        <translation>The data could not be upgraded for this version of ClinicDesk. Nothing was changed. Contact your support team with the details below.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The database could not be opened. Check that the data folder exists and is writable, and that the disk is not full, then choose Retry.</source>
        <translation>The database could not be opened. Check that the data folder exists and is writable, and that the disk is not full, then choose Retry.</translation>
    </message>
</context>
<context>
    <name>clinicdesk::TrayNotice</name>
    <message>
        <location filename="../ui/TrayNotice.cpp" line="+28"/>
        <source>ClinicDesk</source>
        <translation>ClinicDesk</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n visit(s) need attention</source>
        <translation>
            <numerusform>%n visit needs attention</numerusform>
            <numerusform>%n visits need attention</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n unread in all</source>
        <translation>
            <numerusform>%n unread in all</numerusform>
            <numerusform>%n unread in all</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>ClinicDesk: %n visit(s) need attention</source>
        <translation>
            <numerusform>ClinicDesk: %n visit needs attention</numerusform>
            <numerusform>ClinicDesk: %n visits need attention</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>clinicdesk::VisitBoardModel</name>
    <message>
        <location filename="../ui/VisitBoardModel.cpp" line="+217"/>
        <source>(cannot be read)</source>
        <translation>(cannot be read)</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>%1, new</source>
        <translation>%1, new</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1, needs attention: %2</source>
        <translation>%1, needs attention: %2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Needs attention: %1</source>
        <translation>Needs attention: %1</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Visit type</source>
        <translation>Visit type</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prescription</source>
        <translation>Prescription</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting for</source>
        <translation>Waiting for</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Submitted by</source>
        <translation>Submitted by</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Submitted at</source>
        <translation>Submitted at</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last update</source>
        <translation>Last update</translation>
    </message>
</context>
<context>
    <name>clinicdesk::VisitBoardPage</name>
    <message>
        <location filename="../ui/VisitBoardPage.cpp" line="+418"/>
        <source>&amp;Waiting for patient</source>
        <translation>&amp;Waiting for patient</translation>
    </message>
    <message>
        <location line="-330"/>
        <source>Some patient names could not be read: %1</source>
        <translation>Some patient names could not be read: %1</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>The visits could not be read: %1</source>
        <translation>The visits could not be read: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Updated visits could not be read: %1</source>
        <translation>Updated visits could not be read: %1</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>To find a patient, type a 10-digit phone number, or a first and last name with the date of birth (for example: Ana Ruiz 03/14/1985).</source>
        <translation>To find a patient, type a 10-digit phone number, or a first and last name with the date of birth (for example: Ana Ruiz 03/14/1985).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The search failed: %1</source>
        <translation>The search failed: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No patient matches this search.</source>
        <translation>No patient matches this search.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>All (%L1)</source>
        <translation>All (%L1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Needs attention (%L1, %L2 new)</source>
        <translation>Needs attention (%L1, %L2 new)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs attention (%L1)</source>
        <translation>Needs attention (%L1)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (%L2)</source>
        <translation>%1 (%L2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Showing %L1 of %L2 visits</source>
        <translation>Showing %L1 of %L2 visits</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>All types</source>
        <translation>All types</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Anyone</source>
        <translation>Anyone</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>No longer &amp;waiting for patient</source>
        <translation>No longer &amp;waiting for patient</translation>
    </message>
    <message>
        <location filename="../ui/VisitBoardDue.cpp" line="+35"/>
        <location line="+11"/>
        <source>Due (%L1)</source>
        <translation>Due (%L1)</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>%L1 next titrations, %L2 check-ins, %L3 programmes ended</source>
        <translation>%L1 next titrations, %L2 check-ins, %L3 programmes ended</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Weight-loss patients due for a titration or a check-in, or whose programme ended (Ctrl+D)</source>
        <translation>Weight-loss patients due for a titration or a check-in, or whose programme ended (Ctrl+D)</translation>
    </message>
</context>
<context>
    <name>clinicdesk::VisitConversationTab</name>
    <message>
        <location filename="../ui/VisitConversationTab.cpp" line="+20"/>
        <source>Clinician</source>
        <translation>Clinician</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+50"/>
        <source>Provider support</source>
        <translation>Provider support</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>%1 to the clinician</source>
        <translation>%1 to the clinician</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 to provider support</source>
        <translation>%1 to provider support</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>sending… (%n attempt(s), last error: %1)</source>
        <translation>
            <numerusform>sending… (%n attempt, last error: %1)</numerusform>
            <numerusform>sending… (%n attempts, last error: %1)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sending…</source>
        <translation>sending…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>delivered</source>
        <translation>delivered</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not delivered: %1</source>
        <translation>not delivered: %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The clinician</source>
        <translation>The clinician</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No messages yet.</source>
        <translation>No messages yet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your message was delivered.</source>
        <translation>Your message was delivered.</translation>
    </message>
</context>
<context>
    <name>clinicdesk::VisitDetailPage</name>
    <message>
        <location filename="../ui/VisitDetailPage.cpp" line="+113"/>
        <source>Checked with the provider at %1: the visit is %2.</source>
        <translation>Checked with the provider at %1: the visit is %2.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The provider could not be asked: %1</source>
        <translation>The provider could not be asked: %1</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>This visit cannot be shown</source>
        <translation>This visit cannot be shown</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Visit</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 visit, submitted by %2 on %3; last change %4; provider reference %5</source>
        <translation>%1 visit, submitted by %2 on %3; last change %4; provider reference %5</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit status: %1</source>
        <translation>Visit status: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Prescription: %1</source>
        <translation>Prescription: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the outbox, to deliver it to the provider</source>
        <translation>the outbox, to deliver it to the provider</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the clinician</source>
        <translation>the clinician</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the outbox, to deliver your reply</source>
        <translation>the outbox, to deliver your reply</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>clinic staff, to answer the clinician&apos;s question</source>
        <translation>clinic staff, to answer the clinician&apos;s question</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>clinic staff, to fix the refused fields and resubmit</source>
        <translation>clinic staff, to fix the refused fields and resubmit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>nothing: the order was delivered</source>
        <translation>nothing: the order was delivered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the pharmacy</source>
        <translation>the pharmacy</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>nothing: the visit is closed</source>
        <translation>nothing: the visit is closed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waiting for: %1</source>
        <translation>Waiting for: %1</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>The visit cannot be corrected now: %1</source>
        <translation>The visit cannot be corrected now: %1</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Lab requisition</source>
        <translation>Lab requisition</translation>
    </message>
    <message>
        <location line="-226"/>
        <source>The provider refused this visit: %1</source>
        <translation>The provider refused this visit: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no reason given</source>
        <translation>no reason given</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Messages can be sent once the visit is resubmitted and accepted.</source>
        <translation>Messages can be sent once the visit is resubmitted and accepted.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No provider link: messages wait in the outbox until one is configured.</source>
        <translation>No provider link: messages wait in the outbox until one is configured.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The clinician is waiting for your answer.</source>
        <translation>The clinician is waiting for your answer.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No provider is configured (clinicdesk-admin provider configure).</source>
        <translation>No provider is configured (clinicdesk-admin provider configure).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The provider link is not running; see the log for why.</source>
        <translation>The provider link is not running; see the log for why.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The provider does not have this visit yet.</source>
        <translation>The provider does not have this visit yet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ask the provider for this visit&apos;s current status.</source>
        <translation>Ask the provider for this visit&apos;s current status.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+27"/>
        <source>The message was not sent: %1</source>
        <translation>The message was not sent: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reply queued: it goes to the clinician now.</source>
        <translation>Reply queued: it goes to the clinician now.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message queued: it goes to provider support now.</source>
        <translation>Message queued: it goes to provider support now.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Checking with the provider…</source>
        <translation>Checking with the provider…</translation>
    </message>
</context>
<context>
    <name>clinicdesk::VisitFixDialog</name>
    <message>
        <location filename="../ui/VisitFixDialog.cpp" line="+28"/>
        <source>The provider refused this visit: &lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Correct the patient&apos;s details below and resubmit. The visit keeps its identifier, so the provider creates it only once.</source>
        <translation>The provider refused this visit: &lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Correct the patient&apos;s details below and resubmit. The visit keeps its identifier, so the provider creates it only once.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Resubmit</source>
        <translation>&amp;Resubmit</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Format: %1</source>
        <translation>Format: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The patient&apos;s details cannot be loaded: %1</source>
        <translation>The patient&apos;s details cannot be loaded: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+74"/>
        <source>%n field(s) need attention.</source>
        <translation>
            <numerusform>%n field needs attention.</numerusform>
            <numerusform>%n fields need attention.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The visit was not resubmitted: %1</source>
        <translation>The visit was not resubmitted: %1</translation>
    </message>
</context>
<context>
    <name>clinicdesk::VisitLabsTab</name>
    <message>
        <location filename="../ui/VisitLabsTab.cpp" line="+39"/>
        <source>No lab orders for this visit.</source>
        <translation>No lab orders for this visit.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Lab order</source>
        <translation>Lab order</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lab order:</source>
        <translation>Lab order:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Booking link</source>
        <translation>Booking link</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open boo&amp;king link</source>
        <translation>Open boo&amp;king link</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the booking link for the results consult</source>
        <translation>Open the booking link for the results consult</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Results consult:</source>
        <translation>Results consult:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Carrier</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tracking</source>
        <translation>Tracking</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lab order steps</source>
        <translation>Lab order steps</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open &amp;requisition…</source>
        <translation>Open &amp;requisition…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the lab requisition</source>
        <translation>Open the lab requisition</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fetch lab res&amp;ults</source>
        <translation>Fetch lab res&amp;ults</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fetch lab results from the provider</source>
        <translation>Fetch lab results from the provider</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reference range</source>
        <translation>Reference range</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Flag</source>
        <translation>Flag</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Resulted</source>
        <translation>Resulted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lab results</source>
        <translation>Lab results</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Not yet (the lab has no results)</source>
        <translation>Not yet (the lab has no results)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No requisition yet</source>
        <translation>No requisition yet</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Asking the provider for the lab results…</source>
        <translation>Asking the provider for the lab results…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The lab results could not be fetched: %1</source>
        <translation>The lab results could not be fetched: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>%n result(s) from the provider.</source>
        <translation>
            <numerusform>%n result from the provider.</numerusform>
            <numerusform>%n results from the provider.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The provider has no results for this order yet.</source>
        <translation>The provider has no results for this order yet.</translation>
    </message>
</context>
<context>
    <name>clinicdesk::VisitPatientTab</name>
    <message>
        <location filename="../ui/VisitPatientTab.cpp" line="+32"/>
        <source>Correct &amp;name…</source>
        <translation>Correct &amp;name…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Correct the patient&apos;s name</source>
        <translation>Correct the patient&apos;s name</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not given</source>
        <translation>not given</translation>
    </message>
</context>
<context>
    <name>clinicdesk::VisitPrescriptionsTab</name>
    <message>
        <location filename="../ui/VisitPrescriptionsTab.cpp" line="+50"/>
        <source>No pharmacy order yet.</source>
        <translation>No pharmacy order yet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not given</source>
        <translation>not given</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State: %1
Order: %2
Carrier: %3
Tracking number: %4
Last update: %5</source>
        <translation>State: %1
Order: %2
Carrier: %3
Tracking number: %4
Last update: %5</translation>
    </message>
</context>
<context>
    <name>clinicdesk::VisitSummaryPrint</name>
    <message>
        <location filename="../ui/VisitSummaryPrint.cpp" line="+29"/>
        <source>not given</source>
        <translation>not given</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Print su&amp;mmary…</source>
        <translation>Print su&amp;mmary…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+198"/>
        <source>Print the visit summary</source>
        <translation>Print the visit summary</translation>
    </message>
    <message>
        <location line="-197"/>
        <source>Print the visit summary (Ctrl+P)</source>
        <translation>Print the visit summary (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save summary as P&amp;DF…</source>
        <translation>Save summary as P&amp;DF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the visit summary as a PDF file</source>
        <translation>Save the visit summary as a PDF file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the visit summary as a PDF file (Ctrl+Shift+S)</source>
        <translation>Save the visit summary as a PDF file (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Visit summary</source>
        <translation>Visit summary</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Printed on %1 by %2</source>
        <translation>Printed on %1 by %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Visit</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit type</source>
        <translation>Visit type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prescription</source>
        <translation>Prescription</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 by %2</source>
        <translation>%1 by %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provider reference</source>
        <translation>Provider reference</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Intake answers</source>
        <translation>Intake answers</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No answers recorded.</source>
        <translation>No answers recorded.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Prescriptions</source>
        <translation>Prescriptions</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No prescription yet.</source>
        <translation>No prescription yet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Medication</source>
        <translation>Medication</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Strength</source>
        <translation>Strength</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refills</source>
        <translation>Refills</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Prescriber</source>
        <translation>Prescriber</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prescribed</source>
        <translation>Prescribed</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Pharmacy order</source>
        <translation>Pharmacy order</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No pharmacy order yet.</source>
        <translation>No pharmacy order yet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carrier</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracking number</source>
        <translation>Tracking number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last update</source>
        <translation>Last update</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The summary was not exported: the audit log could not record it.</source>
        <translation>The summary was not exported: the audit log could not record it.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The printer reported an error.</source>
        <translation>The printer reported an error.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The visit summary was saved.</source>
        <translation>The visit summary was saved.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The visit summary was sent to print.</source>
        <translation>The visit summary was sent to print.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The visit summary was not saved: %1</source>
        <translation>The visit summary was not saved: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The visit summary was not printed: %1</source>
        <translation>The visit summary was not printed: %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Save the visit summary</source>
        <translation>Save the visit summary</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>clinicdesk::VisitTimelineTab</name>
    <message>
        <location filename="../ui/VisitTimelineTab.cpp" line="+29"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
</TS>
