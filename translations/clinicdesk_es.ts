<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>BelugaAdapter</name>
    <message numerus="yes">
        <location filename="../app/core/BelugaAdapter.cpp" line="+132"/>
        <source>Use at most %n characters.</source>
        <translation>
            <numerusform>Use como máximo %n carácter.</numerusform>
            <numerusform>Use como máximo %n caracteres.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A name needs at least one letter.</source>
        <translation>Un nombre necesita al menos una letra.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter a real date as MM/DD/YYYY.</source>
        <translation>Escriba una fecha real con el formato MM/DD/AAAA.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The date of birth must be in the past.</source>
        <translation>La fecha de nacimiento debe ser anterior a hoy.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the year: that is more than 120 years ago.</source>
        <translation>Revise el año: es de hace más de 120 años.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter a 10-digit US phone number, e.g. (512) 555-0123.</source>
        <translation>Escriba un número de teléfono de EE. UU. de 10 dígitos, p. ej., (512) 555-0123.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter a two-letter US state code, e.g. TX.</source>
        <translation>Escriba el código de dos letras de un estado de EE. UU., p. ej., TX.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter a 5-digit ZIP code.</source>
        <translation>Escriba un código postal (ZIP) de 5 dígitos.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter an e-mail address such as name@example.com.</source>
        <translation>Escriba una dirección de correo electrónico como nombre@example.com.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose Male, Female or Other.</source>
        <translation>Elija Masculino, Femenino u Otro.</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <location filename="../ui/FirstRunPage.ui" line="+40"/>
        <source>Welcome to ClinicDesk</source>
        <translation>Le damos la bienvenida a ClinicDesk</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No accounts exist on this computer yet. Create the first administrator account; administrators add accounts for the rest of the staff later.</source>
        <translation>Todavía no hay cuentas en este equipo. Cree la primera cuenta de administrador; después, los administradores crean las cuentas del resto del personal.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Username:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Username</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>3 to 32 characters: letters a–z, digits, dot, underscore or hyphen.</source>
        <translation>De 3 a 32 caracteres: letras a–z, dígitos, punto, guion bajo o guion.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Display name:</source>
        <translation>&amp;Nombre visible:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Display name</source>
        <translation>Nombre visible</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>How colleagues see you, for example &quot;Ana Ruiz, RN&quot;.</source>
        <translation>Cómo le ven sus colegas, por ejemplo «Ana Ruiz, enfermera».</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>C&amp;onfirm password:</source>
        <translation>C&amp;onfirmar contraseña:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Confirm password</source>
        <translation>Confirmar contraseña</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&amp;Create administrator account</source>
        <translation>C&amp;rear cuenta de administrador</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../ui/HomePage.ui" line="+60"/>
        <source>The intake wizard and the visit board arrive in later versions of ClinicDesk.</source>
        <translation>El asistente de admisión y el tablero de visitas llegarán en próximas versiones de ClinicDesk.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Sign &amp;out</source>
        <translation>Cerrar &amp;sesión</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <location filename="../app/core/IntakeForm.cpp" line="+189"/>
        <source>Answer yes or no.</source>
        <translation>Responda sí o no.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+68"/>
        <source>Tick this box to continue.</source>
        <translation>Marque esta casilla para continuar.</translation>
    </message>
    <message>
        <location line="-63"/>
        <location line="+3"/>
        <source>Enter a whole number.</source>
        <translation>Escriba un número entero.</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Enter a number.</source>
        <translation>Escriba un número.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter %1 or more.</source>
        <translation>Escriba %1 o más.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter %1 or less.</source>
        <translation>Escriba %1 o menos.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter a real date as MM/DD/YYYY.</source>
        <translation>Escriba una fecha real con el formato MM/DD/AAAA.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter a date on or after %1.</source>
        <translation>Escriba una fecha igual o posterior al %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter a date on or before %1.</source>
        <translation>Escriba una fecha igual o anterior al %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose one of the listed answers.</source>
        <translation>Elija una de las respuestas de la lista.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Enter text.</source>
        <translation>Escriba un texto.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Enter at least %n character(s).</source>
        <translation>
            <numerusform>Escriba al menos %n carácter.</numerusform>
            <numerusform>Escriba al menos %n caracteres.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Enter at most %n character(s).</source>
        <translation>
            <numerusform>Escriba como máximo %n carácter.</numerusform>
            <numerusform>Escriba como máximo %n caracteres.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This answer is not in the expected format.</source>
        <translation>Esta respuesta no tiene el formato esperado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected format: %1</source>
        <translation>Formato esperado: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>This question needs an answer.</source>
        <translation>Esta pregunta necesita una respuesta.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give one answer only.</source>
        <translation>Dé una sola respuesta.</translation>
    </message>
</context>
<context>
    <name>IntakeSubmission</name>
    <message>
        <location filename="../app/core/IntakeSubmission.cpp" line="+20"/>
        <source>Choose a visit type first.</source>
        <translation>Elija primero un tipo de visita.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n answer(s) need attention before submitting.</source>
        <translation>
            <numerusform>%n respuesta necesita atención antes de enviar.</numerusform>
            <numerusform>%n respuestas necesitan atención antes de enviar.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.ui" line="+29"/>
        <source>Opening the encrypted data… If the system asks to unlock the keychain, unlock it to continue.</source>
        <translation>Abriendo los datos cifrados… Si el sistema pide desbloquear el llavero, desbloquéelo para continuar.</translation>
    </message>
</context>
<context>
    <name>PasswordPolicy</name>
    <message>
        <location filename="../app/core/PasswordPolicy.cpp" line="+71"/>
        <source>Too short: use at least %1 characters.</source>
        <translation>Demasiado corta: use al menos %1 caracteres.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use at most %1 characters.</source>
        <translation>Use como máximo %1 caracteres.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This password is on a list of common or leaked passwords. Choose another one.</source>
        <translation>Esta contraseña figura en una lista de contraseñas comunes o filtradas. Elija otra.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The password must not be the same as the username.</source>
        <translation>La contraseña no puede ser igual al nombre de usuario.</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../ui/SignInPage.ui" line="+40"/>
        <source>Sign in to ClinicDesk</source>
        <translation>Iniciar sesión en ClinicDesk</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Use your own account: every action is recorded under it.</source>
        <translation>Use su propia cuenta: cada acción queda registrada a su nombre.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Username:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Username</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&amp;Sign in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Forgot your password? An administrator can reset it.</source>
        <translation>¿Olvidó su contraseña? Un administrador puede restablecerla.</translation>
    </message>
</context>
<context>
    <name>StoreErrorPage</name>
    <message>
        <location filename="../ui/StoreErrorPage.ui" line="+40"/>
        <source>ClinicDesk cannot open its data</source>
        <translation>ClinicDesk no puede abrir sus datos</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Details:</source>
        <translation>Detalles:</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Retry</source>
        <translation>&amp;Reintentar</translation>
    </message>
</context>
<context>
    <name>UserRepository</name>
    <message>
        <location filename="../app/core/UserRepository.cpp" line="+35"/>
        <source>The username or password is not correct.</source>
        <translation>El usuario o la contraseña no son correctos.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Use %1 to %2 characters: letters a–z, digits, dot, underscore or hyphen.</source>
        <translation>Use de %1 a %2 caracteres: letras a–z, dígitos, punto, guion bajo o guion.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Enter the name shown to colleagues.</source>
        <translation>Escriba el nombre que verán sus colegas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use at most %1 characters.</source>
        <translation>Use como máximo %1 caracteres.</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+218"/>
        <source>There is no such account.</source>
        <translation>No existe esa cuenta.</translation>
    </message>
    <message>
        <location line="-169"/>
        <location line="+26"/>
        <source>That username is already taken.</source>
        <translation>Ese nombre de usuario ya está en uso.</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+179"/>
        <source>The password could not be hashed.</source>
        <translation>No se pudo procesar la contraseña.</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>This account is locked after too many failed sign-ins. Try again after %1.</source>
        <translation>Esta cuenta está bloqueada por demasiados intentos fallidos. Vuelva a intentarlo después de las %1.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This account is disabled. Ask an administrator to enable it.</source>
        <translation>Esta cuenta está desactivada. Pida a un administrador que la active.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Too many failed sign-ins: this account is locked. Try again after %1.</source>
        <translation>Demasiados intentos fallidos: esta cuenta está bloqueada. Vuelva a intentarlo después de las %1.</translation>
    </message>
</context>
<context>
    <name>clinicdesk::DraftListModel</name>
    <message>
        <location filename="../ui/DraftListModel.cpp" line="+51"/>
        <source>(no name yet)</source>
        <translation>(sin nombre todavía)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(not chosen)</source>
        <translation>(sin elegir)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Visit type</source>
        <translation>Tipo de visita</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last edit</source>
        <translation>Última edición</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Complete</source>
        <translation>Completado</translation>
    </message>
</context>
<context>
    <name>clinicdesk::DraftsPage</name>
    <message>
        <location filename="../ui/DraftsPage.cpp" line="+38"/>
        <location line="+17"/>
        <source>Unfinished intakes</source>
        <translation>Admisiones sin terminar</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+57"/>
        <source>No unfinished intakes. Start a new one.</source>
        <translation>No hay admisiones sin terminar. Empiece una nueva.</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>&amp;New intake</source>
        <translation>&amp;Nueva admisión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Resume</source>
        <translation>&amp;Reanudar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Discard...</source>
        <translation>&amp;Descartar...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hand to a colleague...</source>
        <translation>&amp;Pasar a un colega...</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The drafts could not be read: %1</source>
        <translation>No se pudieron leer los borradores: %1</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+7"/>
        <source>Discard intake</source>
        <translation>Descartar admisión</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Discard this unfinished intake? Its answers are deleted and cannot be recovered.</source>
        <translation>¿Descartar esta admisión sin terminar? Sus respuestas se eliminan y no se pueden recuperar.</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+18"/>
        <location line="+6"/>
        <source>Hand to a colleague</source>
        <translation>Pasar a un colega</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>There is no other active staff account.</source>
        <translation>No hay ninguna otra cuenta de personal activa.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Colleague who continues this intake:</source>
        <translation>Colega que continúa esta admisión:</translation>
    </message>
</context>
<context>
    <name>clinicdesk::FirstRunPage</name>
    <message>
        <location filename="../ui/FirstRunPage.cpp" line="+24"/>
        <source>At least %1 characters. A few unrelated words are easy to remember and hard to guess.</source>
        <translation>Al menos %1 caracteres. Unas cuantas palabras sin relación entre sí son fáciles de recordar y difíciles de adivinar.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>The two passwords do not match. Type the same password twice.</source>
        <translation>Las dos contraseñas no coinciden. Escriba la misma contraseña dos veces.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The account could not be created: %1</source>
        <translation>No se pudo crear la cuenta: %1</translation>
    </message>
</context>
<context>
    <name>clinicdesk::HomePage</name>
    <message>
        <location filename="../ui/HomePage.cpp" line="+22"/>
        <source>Welcome, %1</source>
        <translation>Hola, %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>administrator</source>
        <translation>administrador</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>staff</source>
        <translation>personal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed in as %1 (%2).</source>
        <translation>Sesión iniciada como %1 (%2).</translation>
    </message>
</context>
<context>
    <name>clinicdesk::IntakeWizard</name>
    <message>
        <location filename="../ui/IntakeWizard.cpp" line="+50"/>
        <source>Intake steps</source>
        <translation>Pasos de la admisión</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save and close</source>
        <translation>&amp;Guardar y cerrar</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+282"/>
        <source>&amp;Next</source>
        <translation>&amp;Siguiente</translation>
    </message>
    <message>
        <location line="-266"/>
        <source>Visit type *</source>
        <translation>Tipo de visita *</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Visit type</source>
        <translation>Tipo de visita</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose...</source>
        <translation>Elegir...</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Next step (Ctrl+Return)</source>
        <translation>Paso siguiente (Ctrl+Intro)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous step (Ctrl+Page Up)</source>
        <translation>Paso anterior (Ctrl+RePág)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the draft and close (Ctrl+S)</source>
        <translation>Guardar el borrador y cerrar (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Draft saved at %1</source>
        <translation>Borrador guardado a las %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The draft could not be saved: %1</source>
        <translation>No se pudo guardar el borrador: %1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Draft restored</source>
        <translation>Borrador restaurado</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Using the details on file</source>
        <translation>Se usan los datos registrados</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Visit, medication and pharmacy</source>
        <translation>Visita, medicación y farmacia</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+13"/>
        <source>Review and consent</source>
        <translation>Revisión y consentimiento</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Summary of the answers</source>
        <translation>Resumen de las respuestas</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Saving draft...</source>
        <translation>Guardando borrador...</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>S&amp;ubmit</source>
        <translation>&amp;Enviar</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose the visit type.</source>
        <translation>Elija el tipo de visita.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Some answers on this step need attention.</source>
        <translation>Algunas respuestas de este paso necesitan atención.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Some answers need attention before submitting.</source>
        <translation>Algunas respuestas necesitan atención antes de enviar.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This patient may already be on file: reuse the record or confirm it is a different person.</source>
        <translation>Puede que este paciente ya esté registrado: reutilice el registro o confirme que es otra persona.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Submit</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Submitted: the visit is queued for the provider.</source>
        <translation>Enviada: la visita está en cola para el proveedor.</translation>
    </message>
</context>
<context>
    <name>clinicdesk::PatientLookupPanel</name>
    <message>
        <location filename="../ui/PatientLookupPanel.cpp" line="+18"/>
        <source>&amp;Use this patient&apos;s details</source>
        <translation>&amp;Usar los datos de este paciente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It is a &amp;different person</source>
        <translation>Es &amp;otra persona</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>A patient with this phone number is already on file: %1 %2, born %3.</source>
        <translation>Ya hay un paciente registrado con este número de teléfono: %1 %2, con fecha de nacimiento %3.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A patient with this name and date of birth is already on file: %1 %2, born %3.</source>
        <translation>Ya hay un paciente registrado con este nombre y fecha de nacimiento: %1 %2, con fecha de nacimiento %3.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reuse their details, or say it is a different person to create a new record.</source>
        <translation>Reutilice sus datos o indique que es otra persona para crear un registro nuevo.</translation>
    </message>
</context>
<context>
    <name>clinicdesk::QuestionnaireItemWidget</name>
    <message>
        <location filename="../ui/QuestionnaireItemWidget.cpp" line="+106"/>
        <source>Confirmed</source>
        <translation>Confirmado</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+2"/>
        <source>Yes</source>
        <translation>Sí</translation>
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
        <translation>Otro (escríbalo aquí)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Choose...</source>
        <translation>Elegir...</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>One answer per line</source>
        <translation>Una respuesta por línea</translation>
    </message>
</context>
<context>
    <name>clinicdesk::SignInPage</name>
    <message>
        <location filename="../ui/SignInPage.cpp" line="+42"/>
        <source>Enter your username.</source>
        <translation>Escriba su nombre de usuario.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter your password.</source>
        <translation>Escriba su contraseña.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Signing in failed because the local store reported an error: %1</source>
        <translation>No se pudo iniciar sesión porque el almacén local informó de un error: %1</translation>
    </message>
</context>
<context>
    <name>clinicdesk::StoreErrorPage</name>
    <message>
        <location filename="../ui/StoreErrorPage.cpp" line="+25"/>
        <source>No keychain service answered. ClinicDesk keeps the key that encrypts its data in the system keychain. Start the desktop keyring (for example GNOME Keyring or KWallet), then choose Retry.</source>
        <translation>Ningún servicio de llavero respondió. ClinicDesk guarda la clave que cifra sus datos en el llavero del sistema. Inicie el llavero del escritorio (por ejemplo, GNOME Keyring o KWallet) y elija Reintentar.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The keychain refused access to the data key. Unlock the keychain and allow ClinicDesk to use it, then choose Retry.</source>
        <translation>El llavero denegó el acceso a la clave de datos. Desbloquee el llavero, permita que ClinicDesk lo use y elija Reintentar.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key for this data is missing from the keychain or key file. Restore it from your key backup. ClinicDesk does not make a new key for existing data: a new key could not read it.</source>
        <translation>Falta la clave de estos datos en el llavero o en el archivo de clave. Restáurela desde su copia de seguridad de claves. ClinicDesk no crea una clave nueva para datos existentes: una clave nueva no podría leerlos.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The key that was found does not open this data. Check that ClinicDesk uses the right keychain entry or key file.</source>
        <translation>La clave encontrada no abre estos datos. Compruebe que ClinicDesk usa la entrada del llavero o el archivo de clave correctos.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key file can be read by other users. Allow only its owner to read it (chmod 600), then choose Retry.</source>
        <translation>Otros usuarios pueden leer el archivo de clave. Permita que solo su propietario lo lea (chmod 600) y elija Reintentar.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key file cannot be read or is damaged. Restore it from your key backup.</source>
        <translation>El archivo de clave no se puede leer o está dañado. Restáurelo desde su copia de seguridad de claves.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Encrypted data failed its integrity check: it was changed outside ClinicDesk or belongs to another store. Restore the data folder from a backup.</source>
        <translation>Los datos cifrados no superaron la comprobación de integridad: se modificaron fuera de ClinicDesk o pertenecen a otro almacén. Restaure la carpeta de datos desde una copia de seguridad.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The data could not be upgraded for this version of ClinicDesk. Nothing was changed. Contact your support team with the details below.</source>
        <translation>Los datos no se pudieron actualizar para esta versión de ClinicDesk. No se cambió nada. Póngase en contacto con su equipo de soporte y facilite los detalles que aparecen abajo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The database could not be opened. Check that the data folder exists and is writable, and that the disk is not full, then choose Retry.</source>
        <translation>No se pudo abrir la base de datos. Compruebe que la carpeta de datos existe y admite escritura, y que el disco no está lleno; después elija Reintentar.</translation>
    </message>
</context>
</TS>
