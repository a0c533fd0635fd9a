<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AccessControl</name>
    <message>
        <location filename="../app/core/access/AccessControl.cpp" line="+57"/>
        <source>Only an administrator may do this.</source>
        <translation>Solo un administrador puede hacer esto.</translation>
    </message>
</context>
<context>
    <name>Accessibility</name>
    <message>
        <location filename="../ui/Accessibility.cpp" line="+109"/>
        <location filename="../ui/QuestionnaireItemWidget.cpp" line="+133"/>
        <source>%1, required</source>
        <translation>%1, obligatorio</translation>
    </message>
</context>
<context>
    <name>AccountAdmin</name>
    <message>
        <location filename="../app/core/access/AccountAdmin.cpp" line="+72"/>
        <source>You cannot disable your own account.</source>
        <translation>No puede desactivar su propia cuenta.</translation>
    </message>
</context>
<context>
    <name>AccountCreateDialog</name>
    <message>
        <location filename="../ui/AccountCreateDialog.ui" line="+6"/>
        <source>New account</source>
        <translation>Cuenta nueva</translation>
    </message>
    <message>
        <location line="+24"/>
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
        <source>&amp;Display name:</source>
        <translation>&amp;Nombre visible:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Display name</source>
        <translation>Nombre visible</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Role:</source>
        <translation>&amp;Rol:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location line="+17"/>
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
        <source>&amp;Confirm password:</source>
        <translation>Con&amp;firmar contraseña:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Confirm password</source>
        <translation>Confirmar contraseña</translation>
    </message>
</context>
<context>
    <name>AccountFormCheck</name>
    <message>
        <location filename="../ui/AccountFormCheck.cpp" line="+51"/>
        <source>The two passwords do not match. Type the same password twice.</source>
        <translation>Las dos contraseñas no coinciden. Escriba la misma contraseña dos veces.</translation>
    </message>
</context>
<context>
    <name>AccountPasswordDialog</name>
    <message>
        <location filename="../ui/AccountPasswordDialog.ui" line="+6"/>
        <source>Reset password</source>
        <translation>Restablecer contraseña</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;New password:</source>
        <translation>&amp;Nueva contraseña:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>New password</source>
        <translation>Nueva contraseña</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&amp;Confirm new password:</source>
        <translation>Con&amp;firmar nueva contraseña:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Confirm new password</source>
        <translation>Confirmar nueva contraseña</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <location filename="../ui/AccountsPage.ui" line="+9"/>
        <location line="+27"/>
        <source>Staff accounts</source>
        <translation>Cuentas del personal</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Everyone gets their own account: no shared logins. Disabling an account keeps its history in the audit log.</source>
        <translation>Cada persona tiene su propia cuenta: no se comparten credenciales. Al desactivar una cuenta, su historial se conserva en el registro de auditoría.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Accounts:</source>
        <translation>&amp;Cuentas:</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>&amp;New account…</source>
        <translation>Cuenta &amp;nueva…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Disable</source>
        <translation>&amp;Desactivar</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Reset password…</source>
        <translation>&amp;Restablecer contraseña…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
</context>
<context>
    <name>AdminAuditCheck</name>
    <message numerus="yes">
        <location filename="../ui/AdminAuditCheck.cpp" line="+14"/>
        <source>The audit log is intact: %n entries, newest entry %1 (hash %2).</source>
        <translation>
            <numerusform>El registro de auditoría está íntegro: %n entrada, la más reciente es la %1 (hash %2).</numerusform>
            <numerusform>El registro de auditoría está íntegro: %n entradas, la más reciente es la %1 (hash %2).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The audit log is broken. First broken entry: %1. Details: %2</source>
        <translation>El registro de auditoría está dañado. Primera entrada alterada: %1. Detalles: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Verify audit log</source>
        <translation>Verificar registro de auditoría</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verifying the audit log…</source>
        <translation>Verificando el registro de auditoría…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The check was cancelled.</source>
        <translation>La verificación se canceló.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The audit log could not be checked: %1</source>
        <translation>No se pudo verificar el registro de auditoría: %1</translation>
    </message>
</context>
<context>
    <name>AuditExportDialog</name>
    <message>
        <location filename="../ui/AuditExportDialog.ui" line="+6"/>
        <source>Export audit log</source>
        <translation>Exportar registro de auditoría</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The whole log is verified first. The export records the chain head it was verified against, and the export itself is recorded in the log.</source>
        <translation>Primero se verifica todo el registro. La exportación indica la cabeza de la cadena con la que se verificó, y la propia exportación queda anotada en el registro.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;From:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>First day</source>
        <translation>Primer día</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;To (inclusive):</source>
        <translation>&amp;Hasta (incluido):</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Last day</source>
        <translation>Último día</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;User:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormato:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>F&amp;ile:</source>
        <translation>&amp;Archivo:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
</context>
<context>
    <name>CareGuidance</name>
    <message>
        <location filename="../app/core/visits/CareGuidance.cpp" line="+13"/>
        <source>no details given</source>
        <translation>sin detalles</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The next titration prescription was sent to the pharmacy. Nothing else to do: it is on the visit&apos;s prescription track.</source>
        <translation>La siguiente receta de titulación se envió a la farmacia. No hay nada más que hacer: figura en el seguimiento de recetas de la visita.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A new prescription was sent to the pharmacy. Nothing else to do: it is on the visit&apos;s prescription track.</source>
        <translation>Se envió una nueva receta a la farmacia. No hay nada más que hacer: figura en el seguimiento de recetas de la visita.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The visit is not resolved yet, so the clinician will use the new details. Wait for the clinician&apos;s decision.</source>
        <translation>La visita aún no está resuelta, así que el profesional usará los nuevos datos. Espere la decisión del profesional.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The clinician has not resolved this visit yet. Wait for the decision, then request the next titration again.</source>
        <translation>El profesional aún no ha resuelto esta visita. Espere la decisión y vuelva a solicitar la siguiente titulación.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The provider has no such visit. Start a new visit for the patient.</source>
        <translation>El proveedor no tiene esa visita. Inicie una visita nueva para el paciente.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The visit was referred, so no prescription can be written on it. Start a new visit if the patient still needs treatment.</source>
        <translation>La visita fue derivada, así que no se puede emitir una receta en ella. Inicie una visita nueva si el paciente aún necesita tratamiento.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is not the patient&apos;s most recent resolved weight-loss visit. Request the titration from that visit instead.</source>
        <translation>Esta no es la visita de pérdida de peso resuelta más reciente del paciente. Solicite la titulación desde esa visita.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The programme&apos;s prescriptions have reached the maximum number of months. Start a follow-up visit for the patient.</source>
        <translation>Las recetas del programa alcanzaron el número máximo de meses. Inicie una visita de seguimiento para el paciente.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The visit was resolved 180 days ago or more, so the programme has ended. Start a new visit for the patient.</source>
        <translation>La visita se resolvió hace 180 días o más, así que el programa terminó. Inicie una visita nueva para el paciente.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The prescription is more than 7 days old and can no longer be changed or resent. Start a new visit for the patient.</source>
        <translation>La receta tiene más de 7 días y ya no se puede cambiar ni reenviar. Inicie una visita nueva para el paciente.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A check-in is due: the visit was resolved 90 days ago or more and no check-in was made since day 75. Start the check-in, then request the titration again.</source>
        <translation>Corresponde un control: la visita se resolvió hace 90 días o más y no se hizo ningún control desde el día 75. Inicie el control y luego vuelva a solicitar la titulación.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The latest check-in asked for a follow-up visit. Start the follow-up visit; the next prescription comes from it.</source>
        <translation>El último control pidió una visita de seguimiento. Inicie la visita de seguimiento; la próxima receta saldrá de ella.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A titration request may hold exactly one medication. Choose a single medication and send again.</source>
        <translation>Una solicitud de titulación debe tener exactamente un medicamento. Elija un solo medicamento y envíela de nuevo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The medication is not in this visit&apos;s category. Choose a medication of the visit&apos;s own category.</source>
        <translation>El medicamento no pertenece a la categoría de esta visita. Elija un medicamento de la categoría de la visita.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The pharmacy is unknown or is not the patient&apos;s. Choose the patient&apos;s pharmacy (or change the visit&apos;s pharmacy first).</source>
        <translation>La farmacia es desconocida o no es la del paciente. Elija la farmacia del paciente (o cambie antes la farmacia de la visita).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It is too soon or too late after the previous prescription (15 to 60 days for a 1-month prescription, 60 to 120 for a 3-month one). Request again inside that window.</source>
        <translation>Es demasiado pronto o demasiado tarde tras la receta anterior (de 15 a 60 días para una receta de 1 mes, de 60 a 120 para una de 3 meses). Vuelva a solicitarla dentro de ese plazo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The prescription&apos;s length does not match (1 month versus 3 months). Choose the same length as the current prescription.</source>
        <translation>La duración de la receta no coincide (1 mes frente a 3 meses). Elija la misma duración que la receta actual.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The dose does not follow the titration (one step from the current dose, in the direction the latest check-in asked for). Choose the right dose.</source>
        <translation>La dosis no sigue la titulación (un paso desde la dosis actual, en la dirección que pidió el último control). Elija la dosis correcta.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The provider cannot prescribe this medication (%1). Choose another medication.</source>
        <translation>El proveedor no puede recetar este medicamento (%1). Elija otro medicamento.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This prescription was changed or resent too many times. Contact the provider&apos;s support.</source>
        <translation>Esta receta se cambió o reenvió demasiadas veces. Contacte con el soporte del proveedor.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The provider refused the request (%1). Correct it if the reason says how, otherwise contact the provider&apos;s support.</source>
        <translation>El proveedor rechazó la solicitud (%1). Corríjala si el motivo indica cómo; si no, contacte con el soporte del proveedor.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The provider answered with a status this version does not know (%1). Contact the provider&apos;s support.</source>
        <translation>El proveedor respondió con un estado que esta versión no conoce (%1). Contacte con el soporte del proveedor.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No answer from the provider (network or provider down). Nothing was changed: send the same request again later.</source>
        <translation>No hubo respuesta del proveedor (red o proveedor caídos). No se cambió nada: envíe la misma solicitud más tarde.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contact the provider&apos;s support.</source>
        <translation>Contacte con el soporte del proveedor.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Wait for the clinician</source>
        <translation>Esperar al profesional</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start the check-in</source>
        <translation>Iniciar el control</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start a follow-up visit</source>
        <translation>Iniciar una visita de seguimiento</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start a new visit</source>
        <translation>Iniciar una visita nueva</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the pharmacy</source>
        <translation>Elegir la farmacia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the medication</source>
        <translation>Elegir el medicamento</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request again later</source>
        <translation>Solicitar más tarde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the latest visit</source>
        <translation>Abrir la última visita</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contact support</source>
        <translation>Contactar con soporte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send again</source>
        <translation>Enviar de nuevo</translation>
    </message>
</context>
<context>
    <name>CareRequestDialog</name>
    <message>
        <location filename="../ui/CareRequestDialog.ui" line="+24"/>
        <source>&amp;Medication:</source>
        <translation>&amp;Medicamento:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Medication</source>
        <translation>Medicamento</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Pharmacy id:</source>
        <translation>Id. de &amp;farmacia:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Pharmacy id</source>
        <translation>Id. de farmacia</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>C&amp;hoose pharmacy…</source>
        <translation>E&amp;legir farmacia…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose pharmacy from the provider&apos;s list</source>
        <translation>Elegir la farmacia de la lista del proveedor</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&amp;Send request</source>
        <translation>&amp;Enviar solicitud</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
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
        <translation>No existe esa visita.</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>This visit asked for no medication, so there is nothing to titrate.</source>
        <translation>Esta visita no pidió ningún medicamento, así que no hay nada que titular.</translation>
    </message>
</context>
<context>
    <name>CheckinPage</name>
    <message>
        <location filename="../ui/CheckinPage.ui" line="+9"/>
        <source>Weight-loss check-in</source>
        <translation>Control de pérdida de peso</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>BMI</source>
        <translation>IMC</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Leave the check-in without submitting it (Esc)</source>
        <translation>Salir del control sin enviarlo (Esc)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Submit check-in</source>
        <translation>&amp;Enviar el control</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check every answer and queue the check-in for the provider (Ctrl+Return)</source>
        <translation>Revisar todas las respuestas y poner el control en cola para el proveedor (Ctrl+Intro)</translation>
    </message>
</context>
<context>
    <name>CheckinRules</name>
    <message>
        <location filename="../app/core/intake/CheckinRules.cpp" line="+45"/>
        <source>%1: the BMI is %2, and the provider accepts a check-in from a BMI of 19. Check the weight and height.</source>
        <translation>%1: el IMC es %2, y el proveedor acepta un control a partir de un IMC de 19. Revise el peso y la estatura.</translation>
    </message>
</context>
<context>
    <name>CheckinStart</name>
    <message>
        <location filename="../app/core/visits/CheckinStart.cpp" line="+73"/>
        <location line="+44"/>
        <source>No such visit.</source>
        <translation>No existe esa visita.</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>A check-in starts from a weight-loss visit.</source>
        <translation>Un control empieza desde una visita de pérdida de peso.</translation>
    </message>
</context>
<context>
    <name>CredentialFields</name>
    <message>
        <location filename="../ui/CredentialFields.cpp" line="+22"/>
        <source>Enter your username.</source>
        <translation>Escriba su nombre de usuario.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter your password.</source>
        <translation>Escriba su contraseña.</translation>
    </message>
</context>
<context>
    <name>DemographicRules</name>
    <message numerus="yes">
        <location filename="../app/core/intake/DemographicRules.cpp" line="+67"/>
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
        <location line="-13"/>
        <source>Enter a real date as MM/DD/YYYY.</source>
        <translation>Escriba una fecha real con el formato MM/DD/AAAA.</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Type the date with slashes, as MM/DD/YYYY: %1.</source>
        <translation>Escriba la fecha con barras, como MM/DD/AAAA: %1.</translation>
    </message>
    <message>
        <location line="+22"/>
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
        <location line="+4"/>
        <source>%1 is not a US state. Enter a two-letter US state code, e.g. TX.</source>
        <translation>%1 no es un estado de EE. UU. Escriba el código de dos letras de un estado, p. ej. TX.</translation>
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
    <name>DraftsPage</name>
    <message>
        <location filename="../ui/DraftsPage.ui" line="+11"/>
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back to the home page (Esc)</source>
        <translation>Volver a la página de inicio (Esc)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back to the home page</source>
        <translation>Volver a la página de inicio</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+32"/>
        <source>Unfinished intakes</source>
        <translation>Admisiones sin terminar</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>No unfinished intakes. Start a new one.</source>
        <translation>No hay admisiones sin terminar. Empiece una nueva.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>&amp;New intake</source>
        <translation>&amp;Nueva admisión</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Resume</source>
        <translation>&amp;Reanudar</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Hand to a colleague...</source>
        <translation>&amp;Pasar a un colega...</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Discard...</source>
        <translation>&amp;Descartar...</translation>
    </message>
</context>
<context>
    <name>DuePanel</name>
    <message>
        <location filename="../ui/DuePanel.ui" line="+21"/>
        <source>Weight-loss patients whose next titration window is open, whose check-in is due, or whose programme has ended, from this computer&apos;s records.</source>
        <translation>Pacientes de pérdida de peso con la ventana de la siguiente titulación abierta, con un control pendiente o con el programa terminado, según los registros de este equipo.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>What is due</source>
        <translation>Qué está pendiente</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Patients due</source>
        <translation>Pacientes pendientes</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Open programme &amp;visit</source>
        <translation>Abrir la &amp;visita del programa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the patient&apos;s programme visit, where the titration or check-in starts (Enter)</source>
        <translation>Abrir la visita del programa del paciente, desde la que empieza la titulación o el control (Intro)</translation>
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
        <location filename="../ui/HomePage.ui" line="+41"/>
        <source>&amp;New intake</source>
        <translation>&amp;Nueva admisión</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unfinished &amp;intakes</source>
        <translation>&amp;Admisiones sin terminar</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Lock now</source>
        <translation>&amp;Bloquear ahora</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sign &amp;out</source>
        <translation>Cerrar &amp;sesión</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <location filename="../app/core/intake/IntakeForm.cpp" line="+210"/>
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
        <location line="+9"/>
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
        <location filename="../app/core/visits/IntakeSubmission.cpp" line="+26"/>
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
    <name>LabRequisition</name>
    <message>
        <location filename="../app/core/visits/LabRequisition.cpp" line="+44"/>
        <source>The requisition is not shown because its view could not be recorded in the audit log: %1</source>
        <translation>La orden no se muestra porque su consulta no se pudo registrar en el registro de auditoría: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This lab order has no requisition yet.</source>
        <translation>Esta orden de laboratorio aún no tiene formulario.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The requisition cannot be opened: %1</source>
        <translation>La orden no se puede abrir: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The file cannot be replaced.</source>
        <translation>El archivo no se puede reemplazar.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The file cannot be created: %1</source>
        <translation>El archivo no se puede crear: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The file cannot be written: %1</source>
        <translation>El archivo no se puede escribir: %1</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <location filename="../ui/LockPage.ui" line="+40"/>
        <source>ClinicDesk is locked</source>
        <translation>ClinicDesk está bloqueado</translation>
    </message>
    <message>
        <location line="+25"/>
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
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Only the person who locked it or an administrator can continue. An administrator signs in as themselves: the other session ends, and its open intake stays saved as a draft.</source>
        <translation>Solo la persona que lo bloqueó o un administrador pueden continuar. Un administrador entra con su propia cuenta: la otra sesión termina y su admisión abierta queda guardada como borrador.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.ui" line="+29"/>
        <source>Opening the encrypted data… If the system asks to unlock the keychain, unlock it to continue.</source>
        <translation>Abriendo los datos cifrados… Si el sistema pide desbloquear el llavero, desbloquéelo para continuar.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Menu bar (F10)</source>
        <translation>Barra de menús (F10)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Ad&amp;ministration</source>
        <translation>&amp;Gestión</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&amp;Home</source>
        <translation>&amp;Inicio</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back to the home page (Ctrl+Shift+H)</source>
        <translation>Volver a la página de inicio (Ctrl+Mayús+H)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;New intake</source>
        <translation>&amp;Nueva admisión</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start a new patient intake (Ctrl+Shift+N)</source>
        <translation>Empezar la admisión de un paciente (Ctrl+Mayús+N)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Unfinished intakes</source>
        <translation>Admisiones sin &amp;terminar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Resume, discard or hand over an unfinished intake (Ctrl+Shift+U)</source>
        <translation>Reanudar, descartar o pasar a un colega una admisión sin terminar (Ctrl+Mayús+U)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open the menu bar</source>
        <translation>Abrir la barra de menús</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Accounts</source>
        <translation>&amp;Cuentas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Staff accounts: create, disable, enable, reset passwords (Ctrl+Shift+A)</source>
        <translation>Cuentas del personal: crear, desactivar, activar, restablecer contraseñas (Ctrl+Mayús+A)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Export audit log…</source>
        <translation>&amp;Exportar registro de auditoría…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export the audit log by date range and user (Ctrl+Shift+E)</source>
        <translation>Exportar el registro de auditoría por intervalo de fechas y usuario (Ctrl+Mayús+E)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Verify audit log</source>
        <translation>&amp;Verificar registro de auditoría</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check that no audit entry was edited, deleted or reordered (Ctrl+Shift+V)</source>
        <translation>Comprobar que ninguna entrada de auditoría se modificó, borró o reordenó (Ctrl+Mayús+V)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Undelivered patient &amp;messages</source>
        <translation>&amp;Mensajes a pacientes no entregados</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Messages to patients that could not be delivered, with Retry (Ctrl+Shift+M)</source>
        <translation>Mensajes a pacientes que no se pudieron entregar, con Reintentar (Ctrl+Shift+M)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Patient message &amp;templates…</source>
        <translation>&amp;Plantillas de mensajes a pacientes…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The wording of the e-mails and texts to patients, with a preview (Ctrl+Shift+T)</source>
        <translation>La redacción de los correos y mensajes de texto a pacientes, con vista previa (Ctrl+Mayús+T)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Lock now</source>
        <translation>&amp;Bloquear ahora</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hide everything until you enter your password again (Ctrl+L)</source>
        <translation>Ocultarlo todo hasta que vuelva a escribir su contraseña (Ctrl+L)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sign &amp;out</source>
        <translation>Cerrar &amp;sesión</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>End your session; open intakes stay saved as drafts (Ctrl+Shift+Q)</source>
        <translation>Terminar su sesión; las admisiones abiertas quedan guardadas como borradores (Ctrl+Mayús+Q)</translation>
    </message>
</context>
<context>
    <name>NameCorrection</name>
    <message>
        <location filename="../app/core/visits/NameCorrection.cpp" line="+157"/>
        <source>The provider has the corrected name.</source>
        <translation>El proveedor tiene el nombre corregido.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The provider no longer accepts a name change on this visit: the patient&apos;s ID has been approved under the old name. Contact provider support if the name on the prescription must change.</source>
        <translation>El proveedor ya no acepta un cambio de nombre en esta consulta: la identificación del paciente se aprobó con el nombre anterior. Contacte con el soporte del proveedor si el nombre de la receta debe cambiar.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The provider does not know this visit. Check the visit&apos;s status with the provider, then correct the name again.</source>
        <translation>El proveedor no conoce esta consulta. Compruebe su estado con el proveedor y vuelva a corregir el nombre.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The provider refused the name&apos;s format. Check that the first and last name are filled in with letters only, then try again.</source>
        <translation>El proveedor rechazó el formato del nombre. Compruebe que el nombre y los apellidos tienen solo letras y vuelva a intentarlo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The provider did not accept the name change (the visit may be canceled). Contact provider support.</source>
        <translation>El proveedor no aceptó el cambio de nombre (puede que la consulta esté cancelada). Contacte con el soporte del proveedor.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The provider did not answer. Try again later; the corrected name is kept here.</source>
        <translation>El proveedor no respondió. Inténtelo más tarde; el nombre corregido se guarda aquí.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Patient name updated by the provider</source>
        <translation>Nombre del paciente actualizado por el proveedor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient name updated by the provider: %1 (was %2)</source>
        <translation>Nombre del paciente actualizado por el proveedor: %1 (antes %2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Patient name corrected by staff: %1 (was %2); the provider has it</source>
        <translation>Nombre del paciente corregido por el personal: %1 (antes %2); el proveedor lo tiene</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Patient name corrected by staff: %1 (was %2); the provider keeps the old name (ID already approved)</source>
        <translation>Nombre del paciente corregido por el personal: %1 (antes %2); el proveedor mantiene el nombre anterior (identificación ya aprobada)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Patient name corrected by staff: %1 (was %2); the provider did not take it</source>
        <translation>Nombre del paciente corregido por el personal: %1 (antes %2); el proveedor no lo aceptó</translation>
    </message>
</context>
<context>
    <name>NotificationFailuresDialog</name>
    <message>
        <location filename="../ui/NotificationFailuresDialog.ui" line="+6"/>
        <source>Undelivered patient messages</source>
        <translation>Mensajes a pacientes no entregados</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Undelivered messages</source>
        <translation>Mensajes no entregados</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One row per message that could not be delivered: when, channel, message, visit, attempts and the reason</source>
        <translation>Una fila por mensaje que no se pudo entregar: cuándo, canal, mensaje, consulta, intentos y el motivo</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Time</source>
        <translation>Fecha y hora</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Retry</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Retry the selected message</source>
        <translation>Reintentar el mensaje seleccionado</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>PasswordPolicy</name>
    <message>
        <location filename="../app/core/accounts/PasswordPolicy.cpp" line="+71"/>
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
    <name>PatientMessageTimeline</name>
    <message>
        <location filename="../app/core/visits/PatientMessageTimeline.cpp" line="+15"/>
        <source>prescription written</source>
        <translation>receta escrita</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>more information needed</source>
        <translation>se necesita más información</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>order shipped</source>
        <translation>pedido enviado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>order delivered</source>
        <translation>pedido entregado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>referred</source>
        <translation>derivado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>visit canceled</source>
        <translation>consulta cancelada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>lab form ready</source>
        <translation>orden de laboratorio lista</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>E-mail to the patient (%1)</source>
        <translation>Correo al paciente (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text to the patient (%1)</source>
        <translation>Mensaje de texto al paciente (%1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: sent</source>
        <translation>%1: enviado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: not sent, no consent</source>
        <translation>%1: no enviado, sin consentimiento</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: held for quiet hours until %2</source>
        <translation>%1: retenido por horario de silencio hasta las %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: failed: %2</source>
        <translation>%1: falló: %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(unreadable)</source>
        <translation>(ilegible)</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1: not delivered yet after %n attempt(s)</source>
        <translation>
            <numerusform>%1: aún no entregado tras %n intento</numerusform>
            <numerusform>%1: aún no entregado tras %n intentos</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: queued</source>
        <translation>%1: en cola</translation>
    </message>
</context>
<context>
    <name>ProviderPatientLink</name>
    <message>
        <location filename="../app/core/visits/ProviderPatientLink.cpp" line="+106"/>
        <source>A patient with this phone number is on file now: look them up instead of linking.</source>
        <translation>Ahora ya hay un paciente registrado con este número de teléfono: búsquelo en lugar de vincularlo.</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>The provider has no patient with this phone number either. Continue with the intake: a new patient record is made.</source>
        <translation>El proveedor tampoco tiene ningún paciente con este número de teléfono. Continúe con la admisión: se crea un registro de paciente nuevo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The provider could not be reached just now. Continue with the intake as a new patient, or ask the provider again in a moment.</source>
        <translation>Ahora mismo no se pudo contactar con el proveedor. Continúe con la admisión como paciente nuevo o vuelva a consultar al proveedor en un momento.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The provider knows a patient with this phone number.</source>
        <translation>El proveedor conoce a un paciente con este número de teléfono.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recorded from the provider when %1 linked the patient (an earlier visit, not submitted from this console)</source>
        <translation>Registrada desde el proveedor cuando %1 vinculó al paciente (una consulta anterior, no enviada desde esta consola)</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../app/core/accounts/Session.cpp" line="+157"/>
        <source>Only %1 or an administrator can unlock this console.</source>
        <translation>Solo %1 o un administrador pueden desbloquear esta consola.</translation>
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
    <name>StaffTimeline</name>
    <message>
        <location filename="../app/core/visits/StaffTimeline.cpp" line="+20"/>
        <source>Prescription change requested by %1; the console sends it until the provider answers</source>
        <translation>Cambio de receta solicitado por %1; la consola lo envía hasta que el proveedor responda</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next titration requested by %1; the console sends it until the provider answers</source>
        <translation>Siguiente titulación solicitada por %1; la consola la envía hasta que el proveedor responda</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Prescription change answered by the provider: %1</source>
        <translation>El proveedor respondió al cambio de receta: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next titration request answered by the provider: %1</source>
        <translation>El proveedor respondió a la solicitud de siguiente titulación: %1</translation>
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
        <location line="+51"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>&amp;Retry</source>
        <translation>&amp;Reintentar</translation>
    </message>
</context>
<context>
    <name>UserRepository</name>
    <message>
        <location filename="../app/core/accounts/UserRepository.cpp" line="+31"/>
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
        <location line="+247"/>
        <source>There is no such account.</source>
        <translation>No existe esa cuenta.</translation>
    </message>
    <message>
        <location line="-198"/>
        <location line="+26"/>
        <source>That username is already taken.</source>
        <translation>Ese nombre de usuario ya está en uso.</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+208"/>
        <source>The password could not be hashed.</source>
        <translation>No se pudo procesar la contraseña.</translation>
    </message>
    <message>
        <location line="-135"/>
        <source>This account is locked after too many failed sign-ins. Try again after %1.</source>
        <translation>Esta cuenta está bloqueada por demasiados intentos fallidos. Vuelva a intentarlo después de las %1.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This account is disabled. Ask an administrator to enable it.</source>
        <translation>Esta cuenta está desactivada. Pida a un administrador que la active.</translation>
    </message>
</context>
<context>
    <name>VisitBoardPage</name>
    <message>
        <location filename="../ui/VisitBoardPage.ui" line="+11"/>
        <location line="+257"/>
        <source>Visits</source>
        <translation>Visitas</translation>
    </message>
    <message>
        <location line="-228"/>
        <source>Show visits by status</source>
        <translation>Mostrar las visitas por estado</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Find &amp;patient:</source>
        <translation>Buscar &amp;paciente:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Find patient</source>
        <translation>Buscar paciente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Phone, or name and date of birth (MM/DD/YYYY)</source>
        <translation>Teléfono, o nombre y fecha de nacimiento (MM/DD/AAAA)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Fin&amp;d</source>
        <translation>B&amp;uscar</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show &amp;all</source>
        <translation>&amp;Mostrar todas</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;Visit type:</source>
        <translation>Tipo de &amp;visita:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Submitted &amp;by:</source>
        <translation>Enviada p&amp;or:</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>F&amp;rom:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Submitted from</source>
        <translation>Enviadas desde</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;To:</source>
        <translation>&amp;Hasta:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Submitted until</source>
        <translation>Enviadas hasta</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Op&amp;en visit</source>
        <translation>Abrir visi&amp;ta</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Waiting for patient</source>
        <translation>&amp;Esperando al paciente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mark that the clinic asked the patient for what the clinician needs (or clear that mark)</source>
        <translation>Marcar que la clínica pidió al paciente lo que necesita el profesional (o quitar esa marca)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Needs attention &amp;first</source>
        <translation>P&amp;rimero las que necesitan atención</translation>
    </message>
</context>
<context>
    <name>VisitConversationTab</name>
    <message>
        <location filename="../ui/VisitConversationTab.ui" line="+9"/>
        <source>Messages with the clinician</source>
        <translation>Mensajes con el profesional</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Send &amp;to:</source>
        <translation>En&amp;viar a:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Send to</source>
        <translation>Enviar a</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Reply:</source>
        <translation>&amp;Su respuesta:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reply</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ctrl+Return sends it.</source>
        <translation>Ctrl+Intro la envía.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Write your answer. Ctrl+Return sends it.</source>
        <translation>Escriba su respuesta. Ctrl+Intro la envía.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Send</source>
        <translation>&amp;Enviar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send the reply</source>
        <translation>Enviar la respuesta</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send (Ctrl+Return)</source>
        <translation>Enviar (Ctrl+Intro)</translation>
    </message>
</context>
<context>
    <name>VisitCorrection</name>
    <message>
        <location filename="../app/core/visits/VisitCorrection.cpp" line="+67"/>
        <location line="+31"/>
        <source>There is no visit %1.</source>
        <translation>No existe la visita %1.</translation>
    </message>
    <message numerus="yes">
        <location line="-10"/>
        <source>%n field(s) need attention: %1</source>
        <translation>
            <numerusform>%n campo necesita atención: %1</numerusform>
            <numerusform>%n campos necesitan atención: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Only a visit the provider refused can be corrected and sent again.</source>
        <translation>Solo se puede corregir y volver a enviar una visita que el proveedor rechazó.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The visit&apos;s stored form is not readable JSON.</source>
        <translation>El formulario guardado de la visita no es JSON legible.</translation>
    </message>
</context>
<context>
    <name>VisitDetailPage</name>
    <message>
        <location filename="../ui/VisitDetailPage.ui" line="+11"/>
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back to the visits</source>
        <translation>Volver a las visitas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back to the visits (Esc)</source>
        <translation>Volver a las visitas (Esc)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&amp;Check with provider</source>
        <translation>&amp;Consultar al proveedor</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check the visit&apos;s status with the provider</source>
        <translation>Consultar al proveedor el estado de la visita</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Refused by the provider</source>
        <translation>Rechazada por el proveedor</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&amp;Fix and resubmit…</source>
        <translation>Co&amp;rregir y reenviar…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fix the refused fields and resubmit the visit</source>
        <translation>Corregir los campos rechazados y reenviar la visita</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Visit sections</source>
        <translation>Secciones de la visita</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>C&amp;onversation</source>
        <translation>C&amp;onversación</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Prescriptions &amp;&amp; pharmacy</source>
        <translation>Recetas y &amp;farmacia</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prescriptions and the pharmacy order</source>
        <translation>Recetas y pedido de farmacia</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Labs</source>
        <translation>&amp;Laboratorio</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lab orders, their requisition and results</source>
        <translation>Órdenes de laboratorio, su formulario y resultados</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>T&amp;imeline</source>
        <translation>Cro&amp;nología</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Patient &amp;&amp; &amp;answers</source>
        <translation>&amp;Paciente y respuestas</translation>
    </message>
</context>
<context>
    <name>VisitFixDialog</name>
    <message>
        <location filename="../ui/VisitFixDialog.ui" line="+6"/>
        <source>Fix and resubmit the visit</source>
        <translation>Corregir y reenviar la visita</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;First name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Last name:</source>
        <translation>&amp;Apellido:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Last name</source>
        <translation>Apellido</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Date of birth:</source>
        <translation>&amp;Fecha de nacimiento:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Se&amp;x:</source>
        <translation>Se&amp;xo:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Sex assigned at birth</source>
        <translation>Sexo asignado al nacer</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Phone:</source>
        <translation>&amp;Teléfono:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Mobile phone</source>
        <translation>Teléfono móvil</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;E-mail:</source>
        <translation>&amp;Correo electrónico:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Address:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Street address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;City:</source>
        <translation>C&amp;iudad:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;State:</source>
        <translation>&amp;Estado:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>State (2 letters)</source>
        <translation>Estado (2 letras)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;ZIP code:</source>
        <translation>Código &amp;postal:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>ZIP code</source>
        <translation>Código postal</translation>
    </message>
</context>
<context>
    <name>VisitLabs</name>
    <message>
        <location filename="../app/core/visits/VisitLabs.cpp" line="+8"/>
        <source>Kit shipped to the patient</source>
        <translation>Kit enviado al paciente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kit delivered to the patient</source>
        <translation>Kit entregado al paciente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sample shipped to the lab</source>
        <translation>Muestra enviada al laboratorio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sample received by the lab</source>
        <translation>Muestra recibida por el laboratorio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Results ready: consult can be booked</source>
        <translation>Resultados listos: se puede reservar la consulta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requisition ready to print</source>
        <translation>Orden lista para imprimir</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Lab order event %1 (unreadable)</source>
        <translation>Evento de orden de laboratorio %1 (ilegible)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Lab order %1: %2 (%3, tracking %4)</source>
        <translation>Orden de laboratorio %1: %2 (%3, seguimiento %4)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lab order %1: %2</source>
        <translation>Orden de laboratorio %1: %2</translation>
    </message>
</context>
<context>
    <name>VisitPatientTab</name>
    <message>
        <location filename="../ui/VisitPatientTab.ui" line="+11"/>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>First name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Last name:</source>
        <translation>Apellido:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Date of birth:</source>
        <translation>Fecha de nacimiento:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Sex:</source>
        <translation>Sexo:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Phone:</source>
        <translation>Teléfono:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>E-mail:</source>
        <translation>Correo electrónico:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Address:</source>
        <translation>Dirección:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>City:</source>
        <translation>Ciudad:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>State:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>ZIP code:</source>
        <translation>Código postal:</translation>
    </message>
    <message>
        <location line="+42"/>
        <location line="+17"/>
        <source>Intake answers</source>
        <translation>Respuestas de la admisión</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Answer</source>
        <translation>Respuesta</translation>
    </message>
</context>
<context>
    <name>VisitPrescriptionsTab</name>
    <message>
        <location filename="../ui/VisitPrescriptionsTab.ui" line="+11"/>
        <source>No prescription has been written for this visit yet.</source>
        <translation>Todavía no se ha emitido ninguna receta para esta visita.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Prescriptions</source>
        <translation>Recetas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Medication</source>
        <translation>Medicamento</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Strength</source>
        <translation>Concentración</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Refills</source>
        <translation>Resurtidos</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Prescribed by</source>
        <translation>Recetado por</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Written</source>
        <translation>Emitida</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Next titration re&amp;quest…</source>
        <translation>Solicitar la siguiente titula&amp;ción…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ask the provider for the next titration prescription of this weight-loss programme</source>
        <translation>Pedir al proveedor la siguiente receta de titulación de este programa de pérdida de peso</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Start chec&amp;k-in…</source>
        <translation>Iniciar el contro&amp;l…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start the patient&apos;s weight-loss check-in from this visit</source>
        <translation>Iniciar el control de pérdida de peso del paciente desde esta visita</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>C&amp;hange or resend…</source>
        <translation>Cam&amp;biar o reenviar…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send the prescription to another pharmacy, change the medication, or resend it</source>
        <translation>Enviar la receta a otra farmacia, cambiar el medicamento o reenviarla</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Pharmacy order</source>
        <translation>Pedido de farmacia</translation>
    </message>
</context>
<context>
    <name>VisitRecordReader</name>
    <message>
        <location filename="../app/core/visits/VisitRecordSummary.cpp" line="+25"/>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clinic staff</source>
        <translation>Personal de la clínica</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <location filename="../app/core/visits/VisitRecord.cpp" line="+81"/>
        <source>The visit is not shown because its view could not be recorded in the audit log: %1</source>
        <translation>La visita no se muestra porque no se pudo anotar el acceso en el registro de auditoría: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>There is no visit %1.</source>
        <translation>No existe la visita %1.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>it failed authentication (the stored value was altered, moved or truncated)</source>
        <translation>no superó la autenticación (el valor guardado se modificó, se movió o se truncó)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The provider&apos;s reason cannot be shown: %1.</source>
        <translation>No se puede mostrar el motivo del proveedor: %1.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The patient&apos;s details cannot be shown: %1.</source>
        <translation>No se pueden mostrar los datos del paciente: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The patient&apos;s details cannot be shown: %1</source>
        <translation>No se pueden mostrar los datos del paciente: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the stored value is not readable JSON</source>
        <translation>el valor guardado no es JSON legible</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The intake answers cannot be shown: %1.</source>
        <translation>No se pueden mostrar las respuestas de la admisión: %1.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Intake submitted and queued for the provider</source>
        <translation>Admisión enviada y en cola para el proveedor</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The provider&apos;s answer cannot be shown: %1.</source>
        <translation>No se puede mostrar la respuesta del proveedor: %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delivered to the provider</source>
        <translation>Entregada al proveedor</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Refused by the provider: %1</source>
        <translation>Rechazada por el proveedor: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Not delivered yet after %n attempt(s): %1</source>
        <translation>
            <numerusform>Aún sin entregar tras %n intento: %1</numerusform>
            <numerusform>Aún sin entregar tras %n intentos: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+24"/>
        <source>A message cannot be shown: %1.</source>
        <translation>No se puede mostrar un mensaje: %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reply to the clinician written</source>
        <translation>Respuesta al profesional redactada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Message to support written</source>
        <translation>Mensaje a soporte redactado</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reply delivered to the clinician</source>
        <translation>Respuesta entregada al profesional</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message delivered to support</source>
        <translation>Mensaje entregado a soporte</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Message refused: %1</source>
        <translation>Mensaje rechazado: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Status checked with the provider</source>
        <translation>Estado consultado al proveedor</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>A %1 event cannot be shown: %2.</source>
        <translation>No se puede mostrar un evento %1: %2.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Status check with the provider: canceled there</source>
        <translation>Consulta de estado al proveedor: cancelada allí</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status check with the provider: resolved with a prescription</source>
        <translation>Consulta de estado al proveedor: resuelta con receta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status check with the provider: resolved without a prescription (referred)</source>
        <translation>Consulta de estado al proveedor: resuelta sin receta (derivada)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Next titration prescription sent to the pharmacy</source>
        <translation>Siguiente receta de titulación enviada a la farmacia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed prescription sent to the pharmacy</source>
        <translation>Receta modificada enviada a la farmacia</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 (unreadable: %2)</source>
        <translation>%1 (ilegible: %2)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Prescription written</source>
        <translation>Receta emitida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prescription written by %1</source>
        <translation>Receta emitida por %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Consultation concluded: referred</source>
        <translation>Consulta concluida: derivada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consultation concluded: prescribed</source>
        <translation>Consulta concluida: con receta</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Consultation canceled by the provider</source>
        <translation>Consulta cancelada por el proveedor</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Clinician</source>
        <translation>Profesional</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Provider support</source>
        <translation>Soporte del proveedor</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Message from the clinician</source>
        <translation>Mensaje del profesional</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Message from provider support</source>
        <translation>Mensaje del soporte del proveedor</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Pharmacy order being filled</source>
        <translation>Pedido de farmacia en preparación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pharmacy order shipped</source>
        <translation>Pedido de farmacia enviado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pharmacy order delivered</source>
        <translation>Pedido de farmacia entregado</translation>
    </message>
</context>
<context>
    <name>VisitStatusStyle</name>
    <message>
        <location filename="../ui/VisitStatusStyle.cpp" line="+71"/>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Submitted</source>
        <translation>Enviada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Needs information</source>
        <translation>Faltan datos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prescribed</source>
        <translation>Con receta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Referred</source>
        <translation>Derivada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Canceled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejected</source>
        <translation>Rechazada</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Written</source>
        <translation>Emitida</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In fulfillment</source>
        <translation>En preparación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shipped</source>
        <translation>En camino</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delivered</source>
        <translation>Entregada</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nobody</source>
        <translation>Nadie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clinic</source>
        <translation>Clínica</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pharmacy</source>
        <translation>Farmacia</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the clinician asked a question</source>
        <translation>el profesional hizo una pregunta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>refused by the provider</source>
        <translation>rechazada por el proveedor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not delivered to the provider</source>
        <translation>no entregada al proveedor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no news for a long time</source>
        <translation>sin novedades desde hace tiempo</translation>
    </message>
</context>
<context>
    <name>VisitText</name>
    <message>
        <location filename="../ui/VisitText.cpp" line="+15"/>
        <source>unknown time</source>
        <translation>fecha desconocida</translation>
    </message>
</context>
<context>
    <name>VisitTimelineTab</name>
    <message>
        <location filename="../ui/VisitTimelineTab.ui" line="+9"/>
        <source>Timeline</source>
        <translation>Cronología</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Time</source>
        <translation>Fecha y hora</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
</context>
<context>
    <name>clinicdesk::AccountCreateDialog</name>
    <message>
        <location filename="../ui/AccountCreateDialog.cpp" line="+24"/>
        <source>Each person gets their own account. Give them the password in person; they cannot change it themselves yet, so an administrator resets it when needed.</source>
        <translation>Cada persona tiene su propia cuenta. Entréguele la contraseña en persona; todavía no puede cambiarla por sí misma, así que un administrador la restablece cuando haga falta.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At least %1 characters. A few unrelated words are easy to remember and hard to guess.</source>
        <translation>Al menos %1 caracteres. Unas cuantas palabras sin relación entre sí son fáciles de recordar y difíciles de adivinar.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Create account</source>
        <translation>&amp;Crear cuenta</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The account could not be created: %1</source>
        <translation>No se pudo crear la cuenta: %1</translation>
    </message>
</context>
<context>
    <name>clinicdesk::AccountListModel</name>
    <message>
        <location filename="../ui/AccountListModel.cpp" line="+46"/>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disabled</source>
        <translation>Desactivada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not locked</source>
        <translation>No bloqueada</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Username</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Display name</source>
        <translation>Nombre visible</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Locked until</source>
        <translation>Bloqueada hasta</translation>
    </message>
</context>
<context>
    <name>clinicdesk::AccountPasswordDialog</name>
    <message>
        <location filename="../ui/AccountPasswordDialog.cpp" line="+25"/>
        <source>Set a new password for %1 (%2). Give it to them in person.</source>
        <translation>Establezca una nueva contraseña para %1 (%2). Entréguesela en persona.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>At least %1 characters. A few unrelated words are easy to remember and hard to guess.</source>
        <translation>Al menos %1 caracteres. Unas cuantas palabras sin relación entre sí son fáciles de recordar y difíciles de adivinar.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Set password</source>
        <translation>&amp;Establecer contraseña</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The password could not be set: %1</source>
        <translation>No se pudo establecer la contraseña: %1</translation>
    </message>
</context>
<context>
    <name>clinicdesk::AccountsPage</name>
    <message>
        <location filename="../ui/AccountsPage.cpp" line="+73"/>
        <source>The accounts could not be listed: %1</source>
        <translation>No se pudieron mostrar las cuentas: %1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>&amp;Enable</source>
        <translation>&amp;Activar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Disable</source>
        <translation>&amp;Desactivar</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Account %1 created.</source>
        <translation>Cuenta %1 creada.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Disable account</source>
        <translation>Desactivar cuenta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disable %1&apos;s account? They cannot sign in until an administrator enables it again.</source>
        <translation>¿Desactivar la cuenta de %1? No podrá iniciar sesión hasta que un administrador la vuelva a activar.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Account %1 disabled.</source>
        <translation>Cuenta %1 desactivada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account %1 enabled.</source>
        <translation>Cuenta %1 activada.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>New password set for %1. Any lockout was cleared.</source>
        <translation>Nueva contraseña establecida para %1. Se eliminó cualquier bloqueo.</translation>
    </message>
</context>
<context>
    <name>clinicdesk::AuditExportDialog</name>
    <message>
        <location filename="../ui/AuditExportDialog.cpp" line="+41"/>
        <source>Everyone</source>
        <translation>Todos</translation>
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
        <translation>Bundle FHIR R4 de AuditEvent</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Export audit log to</source>
        <translation>Exportar el registro de auditoría a</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit export (*%1)</source>
        <translation>Exportación de auditoría (*%1)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose a file to export to.</source>
        <translation>Elija el archivo de destino.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The last day is before the first day.</source>
        <translation>El último día es anterior al primero.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The file cannot be written: %1</source>
        <translation>No se puede escribir el archivo: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Verifying and exporting the audit log…</source>
        <translation>Verificando y exportando el registro de auditoría…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export audit log</source>
        <translation>Exportar registro de auditoría</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Export cancelled: no file was written.</source>
        <translation>Exportación cancelada: no se escribió ningún archivo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing was exported: %1</source>
        <translation>No se exportó nada: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file could not be saved: %1</source>
        <translation>No se pudo guardar el archivo: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Exported %n entries to %1. Verified against chain head %2 (hash %3).</source>
        <translation>
            <numerusform>Se exportó %n entrada a %1. Verificada con la cabeza de cadena %2 (hash %3).</numerusform>
            <numerusform>Se exportaron %n entradas a %1. Verificadas con la cabeza de cadena %2 (hash %3).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>clinicdesk::CareRequestDialog</name>
    <message numerus="yes">
        <location filename="../ui/CareRequestDialog.cpp" line="+23"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n día</numerusform>
            <numerusform>%n días</numerusform>
        </translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Next titration</source>
        <translation>Siguiente titulación</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change or resend the prescription</source>
        <translation>Cambiar o reenviar la receta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask the provider for %1&apos;s next titration prescription: exactly one medication, sent to the patient&apos;s pharmacy.</source>
        <translation>Pedir al proveedor la siguiente receta de titulación de %1: exactamente un medicamento, enviado a la farmacia del paciente.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send %1&apos;s prescription to another pharmacy, change the medication, or leave both as they are to resend it.</source>
        <translation>Enviar la receta de %1 a otra farmacia, cambiar el medicamento, o dejar ambos como están para reenviarla.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Request the titration</source>
        <translation>&amp;Solicitar la titulación</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Send the change</source>
        <translation>&amp;Enviar el cambio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>empty: the visit&apos;s pharmacy</source>
        <translation>vacío: la farmacia de la visita</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No provider link is running, so nothing can be asked now (clinicdesk-admin provider configure).</source>
        <translation>No hay conexión con el proveedor, así que ahora no se puede pedir nada (clinicdesk-admin provider configure).</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Keep the current medication</source>
        <translation>Mantener el medicamento actual</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Chosen pharmacy: %1</source>
        <translation>Farmacia elegida: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This visit cannot be read, so nothing was sent.</source>
        <translation>Esta visita no se puede leer, así que no se envió nada.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose the patient&apos;s pharmacy, or type its pharmacy id: the titration is sent to it.</source>
        <translation>Elija la farmacia del paciente o escriba su id. de farmacia: la titulación se envía a ella.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Asking the provider…</source>
        <translation>Consultando al proveedor…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The provider did not answer (attempt %1). The console keeps trying; you may close this window.</source>
        <translation>El proveedor no respondió (intento %1). La consola sigue intentándolo; puede cerrar esta ventana.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The request could not be queued: %1</source>
        <translation>No se pudo poner la solicitud en cola: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sending to the provider… The console tries again until the provider answers: you may close this window, the answer goes on the visit&apos;s timeline.</source>
        <translation>Enviando al proveedor… La consola vuelve a intentarlo hasta que el proveedor responda: puede cerrar esta ventana, la respuesta figurará en la cronología de la visita.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>It could not be recorded on this computer: %1</source>
        <translation>No se pudo registrar en este equipo: %1</translation>
    </message>
</context>
<context>
    <name>clinicdesk::CheckinPage</name>
    <message>
        <location filename="../ui/CheckinPage.cpp" line="+55"/>
        <source>Weight-loss check-in: %1 %2</source>
        <translation>Control de pérdida de peso: %1 %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing was carried over from the programme visit: answer every question.</source>
        <translation>No se trajo nada de la visita del programa: responda todas las preguntas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change only what changed. Carried over from the programme visit: %1</source>
        <translation>Cambie solo lo que cambió. Traído de la visita del programa: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Check-in</source>
        <translation>Control</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>BMI: enter the weight and height</source>
        <translation>IMC: escriba el peso y la estatura</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>BMI %1: below 19, the provider refuses the check-in</source>
        <translation>IMC %1: por debajo de 19, el proveedor rechaza el control</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>BMI %1</source>
        <translation>IMC %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Some answers need attention before submitting.</source>
        <translation>Algunas respuestas necesitan atención antes de enviar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not sent: %1</source>
        <translation>No se envió: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The check-in could not be queued: %1</source>
        <translation>No se pudo poner el control en cola: %1</translation>
    </message>
</context>
<context>
    <name>clinicdesk::DateField</name>
    <message>
        <location filename="../ui/DateField.cpp" line="+23"/>
        <source>Any</source>
        <translation>Cualquiera</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Any date, or a day: Up and Down change it, Delete goes back to any date.</source>
        <translation>Cualquier fecha, o un día: Arriba y Abajo lo cambian, Supr vuelve a cualquier fecha.</translation>
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
        <location filename="../ui/DraftsPage.cpp" line="+91"/>
        <source>No unfinished intakes. Start a new one.</source>
        <translation>No hay admisiones sin terminar. Empiece una nueva.</translation>
    </message>
    <message>
        <location line="-8"/>
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
        <location line="+23"/>
        <location line="+21"/>
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
    <name>clinicdesk::DueListModel</name>
    <message>
        <location filename="../ui/DueListModel.cpp" line="+20"/>
        <source>Next titration</source>
        <translation>Siguiente titulación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check-in</source>
        <translation>Control</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Programme ended</source>
        <translation>Programa terminado</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>all %n months prescribed</source>
        <translation>
            <numerusform>%n mes recetado</numerusform>
            <numerusform>los %n meses recetados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>ended %n day(s) ago</source>
        <translation>
            <numerusform>terminó hace %n día</numerusform>
            <numerusform>terminó hace %n días</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ended today</source>
        <translation>terminó hoy</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n day(s) left</source>
        <translation>
            <numerusform>queda %n día</numerusform>
            <numerusform>quedan %n días</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>last day today</source>
        <translation>hoy es el último día</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n día de retraso</numerusform>
            <numerusform>%n días de retraso</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+58"/>
        <source>prescribed %n day(s) ago</source>
        <translation>
            <numerusform>recetado hace %n día</numerusform>
            <numerusform>recetado hace %n días</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>resolved %n day(s) ago</source>
        <translation>
            <numerusform>resuelto hace %n día</numerusform>
            <numerusform>resuelto hace %n días</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Days left</source>
        <translation>Días restantes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Since</source>
        <translation>Desde</translation>
    </message>
</context>
<context>
    <name>clinicdesk::DuePanel</name>
    <message>
        <location filename="../ui/DuePanel.cpp" line="+36"/>
        <source>(name cannot be shown)</source>
        <translation>(no se puede mostrar el nombre)</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>What is due could not be computed: %1</source>
        <translation>No se pudo calcular lo pendiente: %1</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>All due (%L1)</source>
        <translation>Todo lo pendiente (%L1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next titration (%L1)</source>
        <translation>Siguiente titulación (%L1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check-in (%L1)</source>
        <translation>Control (%L1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programme ended (%L1)</source>
        <translation>Programa terminado (%L1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing is due.</source>
        <translation>No hay nada pendiente.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Showing %L1 of %L2</source>
        <translation>Se muestran %L1 de %L2</translation>
    </message>
</context>
<context>
    <name>clinicdesk::EditLease</name>
    <message>
        <location filename="../ui/EditLease.cpp" line="+25"/>
        <source>It is in use by %1 at %2 since %3.</source>
        <translation>Lo está usando %1 en %2 desde %3.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This workstation was away too long and another one has taken this over; changes made here from now on are not saved.</source>
        <translation>Este puesto estuvo inactivo demasiado tiempo y otro lo ha tomado; los cambios que se hagan aquí a partir de ahora no se guardan.</translation>
    </message>
</context>
<context>
    <name>clinicdesk::FirstRunPage</name>
    <message>
        <location filename="../ui/FirstRunPage.cpp" line="+25"/>
        <source>At least %1 characters. A few unrelated words are easy to remember and hard to guess.</source>
        <translation>Al menos %1 caracteres. Unas cuantas palabras sin relación entre sí son fáciles de recordar y difíciles de adivinar.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>The account could not be created: %1</source>
        <translation>No se pudo crear la cuenta: %1</translation>
    </message>
</context>
<context>
    <name>clinicdesk::HomePage</name>
    <message>
        <location filename="../ui/HomePage.cpp" line="+36"/>
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
    <name>clinicdesk::IntakePharmacyChooser</name>
    <message>
        <location filename="../ui/IntakePharmacyChooser.cpp" line="+48"/>
        <source>C&amp;hoose pharmacy…</source>
        <translation>E&amp;legir farmacia…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose pharmacy from the provider&apos;s list</source>
        <translation>Elegir la farmacia de la lista del proveedor</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Chosen: %1 (provider id %2)</source>
        <translation>Elegida: %1 (id. del proveedor %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Or type the pharmacy below.</source>
        <translation>O escriba la farmacia abajo.</translation>
    </message>
</context>
<context>
    <name>clinicdesk::IntakeReview</name>
    <message>
        <location filename="../ui/IntakeReview.cpp" line="+29"/>
        <source>Summary of the answers</source>
        <translation>Resumen de las respuestas</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Visit type</source>
        <translation>Tipo de visita</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Yes</source>
        <translation>Sí</translation>
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
        <translation>Pasos de la admisión</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Step %1 of %2: %3</source>
        <translation>Paso %1 de %2: %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (current step)</source>
        <translation>%1 (paso actual)</translation>
    </message>
</context>
<context>
    <name>clinicdesk::IntakeWizard</name>
    <message>
        <location filename="../ui/IntakeWizard.cpp" line="+63"/>
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
        <location line="+324"/>
        <source>&amp;Next</source>
        <translation>&amp;Siguiente</translation>
    </message>
    <message>
        <location line="-308"/>
        <source>Visit type *</source>
        <translation>Tipo de visita *</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+1"/>
        <source>Visit type</source>
        <translation>Tipo de visita</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose...</source>
        <translation>Elegir...</translation>
    </message>
    <message>
        <location line="+18"/>
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
        <location line="+25"/>
        <source>Draft saved at %1</source>
        <translation>Borrador guardado a las %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The draft could not be saved: %1</source>
        <translation>No se pudo guardar el borrador: %1</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Draft restored</source>
        <translation>Borrador restaurado</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Using the details on file</source>
        <translation>Se usan los datos registrados</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Linked to the provider&apos;s patient; %n earlier visit(s) recorded. Check the details below.</source>
        <translation>
            <numerusform>Vinculado al paciente del proveedor; se registró %n consulta anterior. Revise los datos de abajo.</numerusform>
            <numerusform>Vinculado al paciente del proveedor; se registraron %n consultas anteriores. Revise los datos de abajo.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Visit, medication and pharmacy</source>
        <translation>Visita, medicación y farmacia</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Review and consent</source>
        <translation>Revisión y consentimiento</translation>
    </message>
    <message>
        <location filename="../ui/IntakeWizardDraft.cpp" line="+26"/>
        <source>Saving draft...</source>
        <translation>Guardando borrador...</translation>
    </message>
    <message>
        <location filename="../ui/IntakeWizard.cpp" line="+86"/>
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
        <location line="+6"/>
        <source>Submitted: the visit is queued for the provider.</source>
        <translation>Enviada: la visita está en cola para el proveedor.</translation>
    </message>
</context>
<context>
    <name>clinicdesk::LabRequisitionDialog</name>
    <message>
        <location filename="../ui/LabRequisitionDialog.cpp" line="+29"/>
        <location line="+1"/>
        <location line="+63"/>
        <source>Lab requisition</source>
        <translation>Orden de laboratorio</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Requisition document</source>
        <translation>Documento de la orden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print the requisition</source>
        <translation>Imprimir la orden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as P&amp;DF…</source>
        <translation>Guardar como P&amp;DF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the requisition as a PDF file</source>
        <translation>Guardar la orden como archivo PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close the requisition</source>
        <translation>Cerrar la orden</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The requisition is not a readable PDF.</source>
        <translation>La orden no es un PDF legible.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Print the lab requisition</source>
        <translation>Imprimir la orden de laboratorio</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The requisition could not be printed.</source>
        <translation>No se pudo imprimir la orden.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Save the lab requisition</source>
        <translation>Guardar la orden de laboratorio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>clinicdesk::LockPage</name>
    <message>
        <location filename="../ui/LockPage.cpp" line="+34"/>
        <source>%1 locked this console. Enter the password to continue.</source>
        <translation>%1 bloqueó esta consola. Escriba la contraseña para continuar.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Unlocking failed because the local store reported an error: %1</source>
        <translation>No se pudo desbloquear porque el almacén local informó de un error: %1</translation>
    </message>
</context>
<context>
    <name>clinicdesk::MainWindow</name>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="+392"/>
        <source>&amp;Home (%n new)</source>
        <translation>
            <numerusform>&amp;Inicio (%n nueva)</numerusform>
            <numerusform>&amp;Inicio (%n nuevas)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Home</source>
        <translation>&amp;Inicio</translation>
    </message>
</context>
<context>
    <name>clinicdesk::NameCorrectionDialog</name>
    <message>
        <location filename="../ui/NameCorrectionDialog.cpp" line="+29"/>
        <source>Correct the patient&apos;s name</source>
        <translation>Corregir el nombre del paciente</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The patient has no open visit with the provider: the name is corrected here only.</source>
        <translation>El paciente no tiene ninguna consulta abierta con el proveedor: el nombre se corrige solo aquí.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The corrected name is sent to the provider for each of the patient&apos;s open visits (%n visit(s)). Once the provider has approved the patient&apos;s ID it no longer accepts a name change.</source>
        <translation>
            <numerusform>El nombre corregido se envía al proveedor para la consulta abierta del paciente (%n consulta). Una vez aprobada la identificación del paciente, el proveedor ya no acepta cambios de nombre.</numerusform>
            <numerusform>El nombre corregido se envía al proveedor para cada consulta abierta del paciente (%n consultas). Una vez aprobada la identificación del paciente, el proveedor ya no acepta cambios de nombre.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;First name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Last name:</source>
        <translation>&amp;Apellidos:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Send correction</source>
        <translation>&amp;Enviar corrección</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send the name correction</source>
        <translation>Enviar la corrección del nombre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Type both the first and the last name.</source>
        <translation>Escriba el nombre y los apellidos.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The name is unchanged: nothing to send.</source>
        <translation>El nombre no ha cambiado: no hay nada que enviar.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No provider link is running, so the correction cannot be sent now. Try again when the console is connected.</source>
        <translation>No hay conexión con el proveedor, así que la corrección no se puede enviar ahora. Inténtelo de nuevo cuando la consola esté conectada.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sending the correction to the provider…</source>
        <translation>Enviando la corrección al proveedor…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The corrected name could not be saved here: %1</source>
        <translation>El nombre corregido no se pudo guardar aquí: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The corrected name is saved here; each visit&apos;s timeline shows both names.</source>
        <translation>El nombre corregido se guarda aquí; la cronología de cada consulta muestra ambos nombres.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Visit %1 of %2: %3</source>
        <translation>Consulta %1 de %2: %3</translation>
    </message>
</context>
<context>
    <name>clinicdesk::NotificationFailuresDialog</name>
    <message>
        <location filename="../ui/NotificationFailuresDialog.cpp" line="+44"/>
        <source>The messages cannot be read: %1</source>
        <translation>No se pueden leer los mensajes: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text message</source>
        <translation>Mensaje de texto</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(unreadable)</source>
        <translation>(ilegible)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Every message to patients was delivered or is still being tried.</source>
        <translation>Todos los mensajes a pacientes se entregaron o se siguen intentando.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n message(s) to patients could not be delivered. Fix the cause (the reason says what the server answered), then choose Retry.</source>
        <translation>
            <numerusform>%n mensaje a pacientes no se pudo entregar. Corrija la causa (el motivo dice qué respondió el servidor) y elija Reintentar.</numerusform>
            <numerusform>%n mensajes a pacientes no se pudieron entregar. Corrija la causa (el motivo dice qué respondió el servidor) y elija Reintentar.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Queued again: the relay sends it within a minute.</source>
        <translation>En cola de nuevo: el relé lo envía en menos de un minuto.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It could not be queued again.</source>
        <translation>No se pudo poner en cola de nuevo.</translation>
    </message>
</context>
<context>
    <name>clinicdesk::NotificationTemplatesDialog</name>
    <message>
        <location filename="../ui/NotificationTemplatesDialog.cpp" line="+55"/>
        <location line="+18"/>
        <source>Messages to patients</source>
        <translation>Mensajes a pacientes</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>What patients receive by e-mail and text message for each event, in English and Spanish. Only the minimum: never a diagnosis, a medication or an answer.</source>
        <translation>Lo que reciben los pacientes por correo electrónico y mensaje de texto en cada evento, en inglés y en español. Solo lo mínimo: nunca un diagnóstico, un medicamento ni una respuesta.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wording</source>
        <translation>Redacción</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One row per event and language: the message, its language and whether the clinic changed its wording</source>
        <translation>Una fila por evento e idioma: el mensaje, su idioma y si la clínica cambió su redacción</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Subject (e-mail only)</source>
        <translation>Asunto (solo correo electrónico)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;ubject (e-mail only):</source>
        <translation>As&amp;unto (solo correo electrónico):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Text of the message</source>
        <translation>Texto del mensaje</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Text:</source>
        <translation>&amp;Texto:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Placeholders you may use: %1. Anything else is refused when saved.</source>
        <translation>Marcadores que puede usar: %1. Cualquier otro se rechaza al guardar.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Preview: the exact text the patient receives</source>
        <translation>Vista previa: el texto exacto que recibe el paciente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pre&amp;view with sample values (a text message carries the text only):</source>
        <translation>&amp;Vista previa con valores de ejemplo (un mensaje de texto lleva solo el texto):</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the message</source>
        <translation>Guardar el mensaje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reset to built-in text</source>
        <translation>&amp;Restablecer el texto original</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset the message to the built-in text</source>
        <translation>Restablecer el texto original del mensaje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Changed, not saved</source>
        <translation>Cambiado, sin guardar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(unreadable)</source>
        <translation>(ilegible)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The clinic&apos;s wording</source>
        <translation>Redacción de la clínica</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Built-in</source>
        <translation>Original</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The message cannot be read: %1</source>
        <translation>No se puede leer el mensaje: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Subject: %1</source>
        <translation>Asunto: %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The placeholder {%1} is not allowed: a message may use only %2.</source>
        <translation>El marcador {%1} no está permitido: un mensaje solo puede usar %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A { or } has no partner: placeholders are written {name}.</source>
        <translation>Una { o } no tiene pareja: los marcadores se escriben {nombre}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The text is empty.</source>
        <translation>El texto está vacío.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too long: the subject may have at most 200 characters, the text 1000.</source>
        <translation>Demasiado largo: el asunto admite como máximo 200 caracteres y el texto 1000.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unknown message or language.</source>
        <translation>Mensaje o idioma desconocido.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not saved: only an administrator may change the messages to patients.</source>
        <translation>No se guardó: solo un administrador puede cambiar los mensajes a pacientes.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Not saved. %1</source>
        <translation>No se guardó. %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not saved: %1</source>
        <translation>No se guardó: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved: the next messages use this text.</source>
        <translation>Guardado: los próximos mensajes usan este texto.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not reset: %1</source>
        <translation>No se restableció: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Back to the built-in text.</source>
        <translation>Se restableció el texto original.</translation>
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
    <name>clinicdesk::PharmacyPickerDialog</name>
    <message>
        <location filename="../ui/PharmacyPickerDialog.cpp" line="+42"/>
        <source>Choose a pharmacy</source>
        <translation>Elegir una farmacia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search the provider&apos;s pharmacy list by ZIP code; a name, city or state narrows it. Enter searches, the arrows choose, Enter picks, Esc cancels.</source>
        <translation>Busque en la lista de farmacias del proveedor por código postal; un nombre, una ciudad o un estado la acotan. Intro busca, las flechas eligen, Intro confirma, Esc cancela.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;ZIP code *:</source>
        <translation>&amp;Código postal *:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ZIP code, required</source>
        <translation>Código postal, obligatorio</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>5 digits</source>
        <translation>5 dígitos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pharmacy name</source>
        <translation>Nombre de la farmacia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ity:</source>
        <translation>C&amp;iudad:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;tate:</source>
        <translation>&amp;Estado:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. TX</source>
        <translation>p. ej., TX</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Search</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Pharmacies found:</source>
        <translation>&amp;Farmacias encontradas:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pharmacies found</source>
        <translation>Farmacias encontradas</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>C&amp;hoose</source>
        <translation>E&amp;legir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No provider link is running, so the pharmacy list cannot be searched now. Type the pharmacy by hand instead.</source>
        <translation>No hay conexión con el proveedor, así que ahora no se puede buscar en la lista de farmacias. Escriba la farmacia a mano.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Type the pharmacy&apos;s 5-digit ZIP code to search.</source>
        <translation>Escriba el código postal de 5 dígitos de la farmacia para buscar.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Searching the provider&apos;s pharmacy list…</source>
        <translation>Buscando en la lista de farmacias del proveedor…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The provider could not search with these details (%1). Check the ZIP code and the state.</source>
        <translation>El proveedor no pudo buscar con estos datos (%1). Revise el código postal y el estado.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The provider&apos;s pharmacy list cannot be reached right now. Try again in a moment, or type the pharmacy by hand.</source>
        <translation>Ahora no se puede acceder a la lista de farmacias del proveedor. Vuelva a intentarlo en un momento o escriba la farmacia a mano.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No pharmacy found for this search. Try a nearby ZIP code or fewer details.</source>
        <translation>No se encontró ninguna farmacia con esta búsqueda. Pruebe un código postal cercano o menos datos.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n pharmacy(s) found, nearest first.</source>
        <translation>
            <numerusform>%n farmacia encontrada, la más cercana primero.</numerusform>
            <numerusform>%n farmacias encontradas, las más cercanas primero.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>clinicdesk::ProviderPatientPanel</name>
    <message>
        <location filename="../ui/ProviderPatientPanel.cpp" line="+22"/>
        <source>resolved</source>
        <translation>resuelta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>canceled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>status not given</source>
        <translation>estado no indicado</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>open</source>
        <translation>abierta</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+68"/>
        <source>As&amp;k the provider</source>
        <translation>Consultar al &amp;proveedor</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>&amp;Link this patient</source>
        <translation>&amp;Vincular este paciente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not this &amp;patient</source>
        <translation>&amp;No es este paciente</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Patient at the provider</source>
        <translation>Paciente en el proveedor</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Ask the provider about this phone number</source>
        <translation>Consultar al proveedor por este número de teléfono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link this provider patient</source>
        <translation>Vincular este paciente del proveedor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not this patient</source>
        <translation>No es este paciente</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not linked: the intake goes on as a new patient.</source>
        <translation>Sin vincular: la admisión continúa como paciente nuevo.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>No patient on file has this phone number. The provider may know this patient from earlier visits: ask the provider to link their record.</source>
        <translation>Ningún paciente registrado tiene este número de teléfono. Puede que el proveedor conozca a este paciente por consultas anteriores: consulte al proveedor para vincular su registro.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>As&amp;k again</source>
        <translation>Volver a &amp;consultar</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Asking the provider...</source>
        <translation>Consultando al proveedor...</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Visit %1: %2, %3</source>
        <translation>Consulta %1: %2, %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>type not given</source>
        <translation>tipo no indicado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No earlier visits listed.</source>
        <translation>No figura ninguna consulta anterior.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The provider knows a patient with this phone number: check the details, then link or say it is not this patient.</source>
        <translation>El proveedor conoce a un paciente con este número de teléfono: revise los datos y luego vincúlelo o indique que no es este paciente.</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>The provider knows a patient with this phone number: %1 %2, born %3, %4. %n earlier visit(s). Is this the patient in front of you? Linking makes the patient record from these details (check them on this page afterwards) and records their earlier visits here.</source>
        <translation>
            <numerusform>El proveedor conoce a un paciente con este número de teléfono: %1 %2, con fecha de nacimiento %3, %4. %n consulta anterior. ¿Es el paciente que tiene delante? Al vincularlo se crea el registro del paciente con estos datos (revíselos después en esta página) y se registran aquí sus consultas anteriores.</numerusform>
            <numerusform>El proveedor conoce a un paciente con este número de teléfono: %1 %2, con fecha de nacimiento %3, %4. %n consultas anteriores. ¿Es el paciente que tiene delante? Al vincularlo se crea el registro del paciente con estos datos (revíselos después en esta página) y se registran aquí sus consultas anteriores.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>date unknown</source>
        <translation>fecha desconocida</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The link could not be saved: %1</source>
        <translation>No se pudo guardar la vinculación: %1</translation>
    </message>
</context>
<context>
    <name>clinicdesk::QuestionnaireItemWidget</name>
    <message>
        <location filename="../ui/QuestionnaireItemWidget.cpp" line="-34"/>
        <source>Format: %1</source>
        <translation>Formato: %1</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Other (type here)</source>
        <translation>Otro (escríbalo aquí)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <location line="+22"/>
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
    <name>clinicdesk::SessionWorkspace</name>
    <message>
        <location filename="../ui/SessionWorkspace.cpp" line="+49"/>
        <source>The provider asks for a follow-up visit after the check-in, but its draft could not be made: %1</source>
        <translation>El proveedor pide una visita de seguimiento después del control, pero no se pudo crear su borrador: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The provider asks for a follow-up visit after the check-in: a follow-up intake, filled in from it, is in the unfinished intakes.</source>
        <translation>El proveedor pide una visita de seguimiento después del control: una admisión de seguimiento, completada a partir de él, está en las admisiones sin terminar.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Open intake</source>
        <translation>Abrir admisión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The intake could not be opened: %1</source>
        <translation>No se pudo abrir la admisión: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The visit was submitted and is queued for the provider.</source>
        <translation>La visita se envió y está en cola para el proveedor.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Start check-in</source>
        <translation>Iniciar control</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The check-in could not be started: %1</source>
        <translation>No se pudo iniciar el control: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The check-in was submitted and is queued for the provider.</source>
        <translation>El control se envió y está en cola para el proveedor.</translation>
    </message>
</context>
<context>
    <name>clinicdesk::SignInPage</name>
    <message>
        <location filename="../ui/SignInPage.cpp" line="+50"/>
        <source>Signing in failed because the local store reported an error: %1</source>
        <translation>No se pudo iniciar sesión porque el almacén local informó de un error: %1</translation>
    </message>
</context>
<context>
    <name>clinicdesk::StoreErrorPage</name>
    <message>
        <location filename="../ui/StoreErrorPage.cpp" line="+25"/>
        <location line="+22"/>
        <source>Join this clinic</source>
        <translation>Unirse a esta clínica</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>A new PC gets the clinic&apos;s data key with a one-time code. Ask an administrator for one (it is valid for 15 minutes), type it here and choose Join.</source>
        <translation>Un PC nuevo recibe la clave de datos de la clínica con un código de un solo uso. Pídalo a un administrador (vale 15 minutos), escríbalo aquí y elija Unirse.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>One-time &amp;code:</source>
        <translation>&amp;Código de un solo uso:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>One-time code</source>
        <translation>Código de un solo uso</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Join error</source>
        <translation>Error al unirse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Join</source>
        <translation>&amp;Unirse</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Type the one-time code first.</source>
        <translation>Escriba primero el código de un solo uso.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>This PC does not have the clinic&apos;s data key yet. If it is new to the clinic, join it below with a one-time code from an administrator; otherwise restore the key from your key backup.</source>
        <translation>Este PC todavía no tiene la clave de datos de la clínica. Si es nuevo en la clínica, únalo abajo con un código de un solo uso de un administrador; si no, restaure la clave desde su copia de seguridad.</translation>
    </message>
    <message>
        <location line="+16"/>
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
            <numerusform>%n visita necesita atención</numerusform>
            <numerusform>%n visitas necesitan atención</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n unread in all</source>
        <translation>
            <numerusform>%n sin leer en total</numerusform>
            <numerusform>%n sin leer en total</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>ClinicDesk: %n visit(s) need attention</source>
        <translation>
            <numerusform>ClinicDesk: %n visita necesita atención</numerusform>
            <numerusform>ClinicDesk: %n visitas necesitan atención</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>clinicdesk::VisitBoardModel</name>
    <message>
        <location filename="../ui/VisitBoardModel.cpp" line="+217"/>
        <source>(cannot be read)</source>
        <translation>(no se puede leer)</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>%1, new</source>
        <translation>%1, nueva</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1, needs attention: %2</source>
        <translation>%1, necesita atención: %2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Needs attention: %1</source>
        <translation>Necesita atención: %1</translation>
    </message>
    <message>
        <location line="+44"/>
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
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prescription</source>
        <translation>Receta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting for</source>
        <translation>Pendiente de</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Submitted by</source>
        <translation>Enviada por</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Submitted at</source>
        <translation>Fecha de envío</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last update</source>
        <translation>Última actualización</translation>
    </message>
</context>
<context>
    <name>clinicdesk::VisitBoardPage</name>
    <message>
        <location filename="../ui/VisitBoardPage.cpp" line="+418"/>
        <source>&amp;Waiting for patient</source>
        <translation>&amp;Esperando al paciente</translation>
    </message>
    <message>
        <location line="-330"/>
        <source>Some patient names could not be read: %1</source>
        <translation>No se pudieron leer algunos nombres de pacientes: %1</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>The visits could not be read: %1</source>
        <translation>No se pudieron leer las visitas: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Updated visits could not be read: %1</source>
        <translation>No se pudieron leer las visitas actualizadas: %1</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>To find a patient, type a 10-digit phone number, or a first and last name with the date of birth (for example: Ana Ruiz 03/14/1985).</source>
        <translation>Para buscar a un paciente, escriba un número de teléfono de 10 dígitos, o el nombre y el apellido con la fecha de nacimiento (por ejemplo: Ana Ruiz 03/14/1985).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The search failed: %1</source>
        <translation>La búsqueda falló: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No patient matches this search.</source>
        <translation>Ningún paciente coincide con esta búsqueda.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>All (%L1)</source>
        <translation>Todas (%L1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Needs attention (%L1, %L2 new)</source>
        <translation>Necesita atención (%L1, %L2 nuevas)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs attention (%L1)</source>
        <translation>Necesita atención (%L1)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (%L2)</source>
        <translation>%1 (%L2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Showing %L1 of %L2 visits</source>
        <translation>Se muestran %L1 de %L2 visitas</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>All types</source>
        <translation>Todos los tipos</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Anyone</source>
        <translation>Cualquiera</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>No longer &amp;waiting for patient</source>
        <translation>Ya no &amp;espera al paciente</translation>
    </message>
    <message>
        <location filename="../ui/VisitBoardDue.cpp" line="+35"/>
        <location line="+11"/>
        <source>Due (%L1)</source>
        <translation>Pendientes (%L1)</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>%L1 next titrations, %L2 check-ins, %L3 programmes ended</source>
        <translation>%L1 siguientes titulaciones, %L2 controles, %L3 programas terminados</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Weight-loss patients due for a titration or a check-in, or whose programme ended (Ctrl+D)</source>
        <translation>Pacientes de pérdida de peso con una titulación o un control pendiente, o con el programa terminado (Ctrl+D)</translation>
    </message>
</context>
<context>
    <name>clinicdesk::VisitConversationTab</name>
    <message>
        <location filename="../ui/VisitConversationTab.cpp" line="+20"/>
        <source>Clinician</source>
        <translation>Profesional</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+50"/>
        <source>Provider support</source>
        <translation>Soporte del proveedor</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>%1 to the clinician</source>
        <translation>%1 al profesional</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 to provider support</source>
        <translation>%1 al soporte del proveedor</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>sending… (%n attempt(s), last error: %1)</source>
        <translation>
            <numerusform>enviando… (%n intento, último error: %1)</numerusform>
            <numerusform>enviando… (%n intentos, último error: %1)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sending…</source>
        <translation>enviando…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>delivered</source>
        <translation>entregado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not delivered: %1</source>
        <translation>no entregado: %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The clinician</source>
        <translation>El profesional</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No messages yet.</source>
        <translation>Todavía no hay mensajes.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your message was delivered.</source>
        <translation>Su mensaje se entregó.</translation>
    </message>
</context>
<context>
    <name>clinicdesk::VisitDetailPage</name>
    <message>
        <location filename="../ui/VisitDetailPage.cpp" line="+113"/>
        <source>Checked with the provider at %1: the visit is %2.</source>
        <translation>Consultado al proveedor (%1): la visita está en estado «%2».</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The provider could not be asked: %1</source>
        <translation>No se pudo consultar al proveedor: %1</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>This visit cannot be shown</source>
        <translation>No se puede mostrar esta visita</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 visit, submitted by %2 on %3; last change %4; provider reference %5</source>
        <translation>Visita: %1. Enviada por %2 el %3; último cambio: %4; referencia del proveedor: %5</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Status: %1</source>
        <translation>Estado: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit status: %1</source>
        <translation>Estado de la visita: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Prescription: %1</source>
        <translation>Receta: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the outbox, to deliver it to the provider</source>
        <translation>la bandeja de salida, para entregarla al proveedor</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the clinician</source>
        <translation>el profesional</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the outbox, to deliver your reply</source>
        <translation>la bandeja de salida, para entregar su respuesta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>clinic staff, to answer the clinician&apos;s question</source>
        <translation>el personal de la clínica, para responder a la pregunta del profesional</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>clinic staff, to fix the refused fields and resubmit</source>
        <translation>el personal de la clínica, para corregir los campos rechazados y reenviar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>nothing: the order was delivered</source>
        <translation>nada: el pedido se entregó</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the pharmacy</source>
        <translation>la farmacia</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>nothing: the visit is closed</source>
        <translation>nada: la visita está cerrada</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waiting for: %1</source>
        <translation>Pendiente de: %1</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>The visit cannot be corrected now: %1</source>
        <translation>La visita no se puede corregir ahora: %1</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Lab requisition</source>
        <translation>Orden de laboratorio</translation>
    </message>
    <message>
        <location line="-226"/>
        <source>The provider refused this visit: %1</source>
        <translation>El proveedor rechazó esta visita: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no reason given</source>
        <translation>no se indicó el motivo</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Messages can be sent once the visit is resubmitted and accepted.</source>
        <translation>Podrá enviar mensajes cuando la visita se reenvíe y se acepte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No provider link: messages wait in the outbox until one is configured.</source>
        <translation>No hay conexión con el proveedor: los mensajes esperan en la bandeja de salida hasta que se configure una.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The clinician is waiting for your answer.</source>
        <translation>El profesional espera su respuesta.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No provider is configured (clinicdesk-admin provider configure).</source>
        <translation>No hay ningún proveedor configurado (clinicdesk-admin provider configure).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The provider link is not running; see the log for why.</source>
        <translation>La conexión con el proveedor no está activa; consulte el registro de la aplicación para ver el motivo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The provider does not have this visit yet.</source>
        <translation>El proveedor todavía no tiene esta visita.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checking…</source>
        <translation>Consultando…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ask the provider for this visit&apos;s current status.</source>
        <translation>Preguntar al proveedor el estado actual de esta visita.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+27"/>
        <source>The message was not sent: %1</source>
        <translation>No se envió el mensaje: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reply queued: it goes to the clinician now.</source>
        <translation>Respuesta en cola: se envía ahora al profesional.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message queued: it goes to provider support now.</source>
        <translation>Mensaje en cola: se envía ahora al soporte del proveedor.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Checking with the provider…</source>
        <translation>Consultando al proveedor…</translation>
    </message>
</context>
<context>
    <name>clinicdesk::VisitFixDialog</name>
    <message>
        <location filename="../ui/VisitFixDialog.cpp" line="+28"/>
        <source>The provider refused this visit: &lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Correct the patient&apos;s details below and resubmit. The visit keeps its identifier, so the provider creates it only once.</source>
        <translation>El proveedor rechazó esta visita: &lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Corrija abajo los datos del paciente y vuelva a enviarla. La visita conserva su identificador, así que el proveedor la crea una sola vez.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Female</source>
        <translation>Femenino</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Male</source>
        <translation>Masculino</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Resubmit</source>
        <translation>&amp;Reenviar</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Format: %1</source>
        <translation>Formato: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The patient&apos;s details cannot be loaded: %1</source>
        <translation>No se pueden cargar los datos del paciente: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+74"/>
        <source>%n field(s) need attention.</source>
        <translation>
            <numerusform>%n campo necesita atención.</numerusform>
            <numerusform>%n campos necesitan atención.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The visit was not resubmitted: %1</source>
        <translation>No se reenvió la visita: %1</translation>
    </message>
</context>
<context>
    <name>clinicdesk::VisitLabsTab</name>
    <message>
        <location filename="../ui/VisitLabsTab.cpp" line="+39"/>
        <source>No lab orders for this visit.</source>
        <translation>Esta visita no tiene órdenes de laboratorio.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Lab order</source>
        <translation>Orden de laboratorio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lab order:</source>
        <translation>Orden de laboratorio:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Booking link</source>
        <translation>Enlace de reserva</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open boo&amp;king link</source>
        <translation>Abrir enlace de reser&amp;va</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the booking link for the results consult</source>
        <translation>Abrir el enlace de reserva de la consulta de resultados</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Results consult:</source>
        <translation>Consulta de resultados:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Carrier</source>
        <translation>Transportista</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tracking</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lab order steps</source>
        <translation>Pasos de la orden de laboratorio</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open &amp;requisition…</source>
        <translation>Abrir or&amp;den…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the lab requisition</source>
        <translation>Abrir la orden de laboratorio</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fetch lab res&amp;ults</source>
        <translation>Obtener res&amp;ultados</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fetch lab results from the provider</source>
        <translation>Obtener los resultados de laboratorio del proveedor</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Test</source>
        <translation>Prueba</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reference range</source>
        <translation>Rango de referencia</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Flag</source>
        <translation>Indicador</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Resulted</source>
        <translation>Fecha del resultado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lab results</source>
        <translation>Resultados de laboratorio</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Not yet (the lab has no results)</source>
        <translation>Todavía no (el laboratorio no tiene resultados)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No requisition yet</source>
        <translation>Todavía no hay orden</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Asking the provider for the lab results…</source>
        <translation>Pidiendo los resultados de laboratorio al proveedor…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The lab results could not be fetched: %1</source>
        <translation>No se pudieron obtener los resultados de laboratorio: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>%n result(s) from the provider.</source>
        <translation>
            <numerusform>%n resultado del proveedor.</numerusform>
            <numerusform>%n resultados del proveedor.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The provider has no results for this order yet.</source>
        <translation>El proveedor aún no tiene resultados para esta orden.</translation>
    </message>
</context>
<context>
    <name>clinicdesk::VisitPatientTab</name>
    <message>
        <location filename="../ui/VisitPatientTab.cpp" line="+32"/>
        <source>Correct &amp;name…</source>
        <translation>Corregir &amp;nombre…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Correct the patient&apos;s name</source>
        <translation>Corregir el nombre del paciente</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not given</source>
        <translation>no indicado</translation>
    </message>
</context>
<context>
    <name>clinicdesk::VisitPrescriptionsTab</name>
    <message>
        <location filename="../ui/VisitPrescriptionsTab.cpp" line="+50"/>
        <source>No pharmacy order yet.</source>
        <translation>Todavía no hay pedido de farmacia.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not given</source>
        <translation>no indicado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State: %1
Order: %2
Carrier: %3
Tracking number: %4
Last update: %5</source>
        <translation>Estado: %1
Pedido: %2
Transportista: %3
Número de seguimiento: %4
Última actualización: %5</translation>
    </message>
</context>
<context>
    <name>clinicdesk::VisitSummaryPrint</name>
    <message>
        <location filename="../ui/VisitSummaryPrint.cpp" line="+29"/>
        <source>not given</source>
        <translation>no indicado</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Print su&amp;mmary…</source>
        <translation>Imprimir resu&amp;men…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+198"/>
        <source>Print the visit summary</source>
        <translation>Imprimir el resumen de la visita</translation>
    </message>
    <message>
        <location line="-197"/>
        <source>Print the visit summary (Ctrl+P)</source>
        <translation>Imprimir el resumen de la visita (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save summary as P&amp;DF…</source>
        <translation>Guardar resumen como P&amp;DF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the visit summary as a PDF file</source>
        <translation>Guardar el resumen de la visita como archivo PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the visit summary as a PDF file (Ctrl+Shift+S)</source>
        <translation>Guardar el resumen de la visita como archivo PDF (Ctrl+Mayús+S)</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Visit summary</source>
        <translation>Resumen de la visita</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Printed on %1 by %2</source>
        <translation>Impreso el %1 por %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit type</source>
        <translation>Tipo de visita</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prescription</source>
        <translation>Receta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted</source>
        <translation>Enviada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 by %2</source>
        <translation>%1 por %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provider reference</source>
        <translation>Referencia del proveedor</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Intake answers</source>
        <translation>Respuestas de la admisión</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No answers recorded.</source>
        <translation>No hay respuestas registradas.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Answer</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Prescriptions</source>
        <translation>Recetas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No prescription yet.</source>
        <translation>Todavía no hay receta.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Medication</source>
        <translation>Medicamento</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Strength</source>
        <translation>Concentración</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refills</source>
        <translation>Resurtidos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Prescriber</source>
        <translation>Prescriptor</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prescribed</source>
        <translation>Fecha de la receta</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Pharmacy order</source>
        <translation>Pedido de farmacia</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No pharmacy order yet.</source>
        <translation>Todavía no hay pedido de farmacia.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carrier</source>
        <translation>Transportista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracking number</source>
        <translation>Número de seguimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last update</source>
        <translation>Última actualización</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The summary was not exported: the audit log could not record it.</source>
        <translation>El resumen no se exportó: el registro de auditoría no pudo anotarlo.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The printer reported an error.</source>
        <translation>La impresora informó de un error.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The visit summary was saved.</source>
        <translation>Se guardó el resumen de la visita.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The visit summary was sent to print.</source>
        <translation>El resumen de la visita se envió a imprimir.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The visit summary was not saved: %1</source>
        <translation>No se guardó el resumen de la visita: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The visit summary was not printed: %1</source>
        <translation>No se imprimió el resumen de la visita: %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Save the visit summary</source>
        <translation>Guardar el resumen de la visita</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
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
