<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>BelugaAdapter</name>
    <message numerus="yes">
        <location filename="../app/core/BelugaAdapter.cpp" line="+132"/>
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
        <location line="+5"/>
        <source>Enter a real date as MM/DD/YYYY.</source>
        <translation>Enter a real date as MM/DD/YYYY.</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location filename="../ui/HomePage.ui" line="+60"/>
        <source>The intake wizard and the visit board arrive in later versions of ClinicDesk.</source>
        <translation>The intake wizard and the visit board arrive in later versions of ClinicDesk.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <location filename="../app/core/IntakeForm.cpp" line="+189"/>
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
        <location line="+7"/>
        <source>Enter a real date as MM/DD/YYYY.</source>
        <translation>Enter a real date as MM/DD/YYYY.</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location filename="../app/core/IntakeSubmission.cpp" line="+20"/>
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
    <name>MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.ui" line="+29"/>
        <source>Opening the encrypted data… If the system asks to unlock the keychain, unlock it to continue.</source>
        <translation>Opening the encrypted data… If the system asks to unlock the keychain, unlock it to continue.</translation>
    </message>
</context>
<context>
    <name>PasswordPolicy</name>
    <message>
        <location filename="../app/core/PasswordPolicy.cpp" line="+71"/>
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
        <location line="+38"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Retry</source>
        <translation>&amp;Retry</translation>
    </message>
</context>
<context>
    <name>UserRepository</name>
    <message>
        <location filename="../app/core/UserRepository.cpp" line="+35"/>
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
        <location line="+218"/>
        <source>There is no such account.</source>
        <translation>There is no such account.</translation>
    </message>
    <message>
        <location line="-169"/>
        <location line="+26"/>
        <source>That username is already taken.</source>
        <translation>That username is already taken.</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+179"/>
        <source>The password could not be hashed.</source>
        <translation>The password could not be hashed.</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>This account is locked after too many failed sign-ins. Try again after %1.</source>
        <translation>This account is locked after too many failed sign-ins. Try again after %1.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This account is disabled. Ask an administrator to enable it.</source>
        <translation>This account is disabled. Ask an administrator to enable it.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Too many failed sign-ins: this account is locked. Try again after %1.</source>
        <translation>Too many failed sign-ins: this account is locked. Try again after %1.</translation>
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
        <location filename="../ui/DraftsPage.cpp" line="+38"/>
        <location line="+17"/>
        <source>Unfinished intakes</source>
        <translation>Unfinished intakes</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+57"/>
        <source>No unfinished intakes. Start a new one.</source>
        <translation>No unfinished intakes. Start a new one.</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>&amp;New intake</source>
        <translation>&amp;New intake</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Resume</source>
        <translation>&amp;Resume</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Discard...</source>
        <translation>&amp;Discard...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hand to a colleague...</source>
        <translation>&amp;Hand to a colleague...</translation>
    </message>
    <message>
        <location line="+28"/>
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
        <location line="+20"/>
        <location line="+18"/>
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
    <name>clinicdesk::FirstRunPage</name>
    <message>
        <location filename="../ui/FirstRunPage.cpp" line="+24"/>
        <source>At least %1 characters. A few unrelated words are easy to remember and hard to guess.</source>
        <translation>At least %1 characters. A few unrelated words are easy to remember and hard to guess.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>The two passwords do not match. Type the same password twice.</source>
        <translation>The two passwords do not match. Type the same password twice.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The account could not be created: %1</source>
        <translation>The account could not be created: %1</translation>
    </message>
</context>
<context>
    <name>clinicdesk::HomePage</name>
    <message>
        <location filename="../ui/HomePage.cpp" line="+22"/>
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
    <name>clinicdesk::IntakeWizard</name>
    <message>
        <location filename="../ui/IntakeWizard.cpp" line="+50"/>
        <source>Intake steps</source>
        <translation>Intake steps</translation>
    </message>
    <message>
        <location line="+11"/>
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
        <location line="+282"/>
        <source>&amp;Next</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <location line="-266"/>
        <source>Visit type *</source>
        <translation>Visit type *</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Visit type</source>
        <translation>Visit type</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose...</source>
        <translation>Choose...</translation>
    </message>
    <message>
        <location line="+19"/>
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
        <location line="+24"/>
        <source>Draft saved at %1</source>
        <translation>Draft saved at %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The draft could not be saved: %1</source>
        <translation>The draft could not be saved: %1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Draft restored</source>
        <translation>Draft restored</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Using the details on file</source>
        <translation>Using the details on file</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Visit, medication and pharmacy</source>
        <translation>Visit, medication and pharmacy</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+13"/>
        <source>Review and consent</source>
        <translation>Review and consent</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Summary of the answers</source>
        <translation>Summary of the answers</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Saving draft...</source>
        <translation>Saving draft...</translation>
    </message>
    <message>
        <location line="+14"/>
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
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="+30"/>
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
        <location line="+4"/>
        <source>Submitted: the visit is queued for the provider.</source>
        <translation>Submitted: the visit is queued for the provider.</translation>
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
    <name>clinicdesk::QuestionnaireItemWidget</name>
    <message>
        <location filename="../ui/QuestionnaireItemWidget.cpp" line="+106"/>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+2"/>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+2"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Other (type here)</source>
        <translation>Other (type here)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <location line="+19"/>
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
    <name>clinicdesk::SignInPage</name>
    <message>
        <location filename="../ui/SignInPage.cpp" line="+42"/>
        <source>Enter your username.</source>
        <translation>Enter your username.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter your password.</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Signing in failed because the local store reported an error: %1</source>
        <translation>Signing in failed because the local store reported an error: %1</translation>
    </message>
</context>
<context>
    <name>clinicdesk::StoreErrorPage</name>
    <message>
        <location filename="../ui/StoreErrorPage.cpp" line="+25"/>
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
</TS>
