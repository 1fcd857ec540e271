<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<context>
    <name>AccessReport</name>
    <message>
        <source>Cannot build the access report (%1). Sign out and in again to rebuild the cache.</source>
        <translation>Impossibile creare il rapporto sugli accessi (%1). Esci e accedi di nuovo per ricostruire la copia locale.</translation>
    </message>
</context>
<context>
    <name>AuditStore</name>
    <message>
        <source>%1 in the local cache (%2). Check free disk space; if the file is damaged, delete it and Gatehouse will download everything again.</source>
        <translation>%1 nella cache locale (%2). Controlla lo spazio libero su disco; se il file è danneggiato, eliminalo e Gatehouse scaricherà di nuovo tutto.</translation>
    </message>
    <message>
        <source>Cannot start a transaction</source>
        <translation>Impossibile avviare una transazione</translation>
    </message>
    <message>
        <source>event %1 does not link to the event before it (an entry was removed or altered)</source>
        <translation>l&apos;evento %1 non è collegato all&apos;evento precedente (una voce è stata rimossa o alterata)</translation>
    </message>
    <message>
        <source>event %1 was changed after it was recorded (its hash does not match)</source>
        <translation>l&apos;evento %1 è stato modificato dopo la registrazione (il suo hash non corrisponde)</translation>
    </message>
    <message>
        <source>Cannot save audit events</source>
        <translation>Impossibile salvare gli eventi del registro</translation>
    </message>
    <message>
        <source>Cannot read the audit log</source>
        <translation>Impossibile leggere il registro di controllo</translation>
    </message>
    <message>
        <source>Cannot count audit events</source>
        <translation>Impossibile contare gli eventi di controllo</translation>
    </message>
</context>
<context>
    <name>CertificateTrust</name>
    <message>
        <source>The server at %1 did not present a usable certificate, so the connection is not safe.</source>
        <translation>Il server %1 non ha presentato un certificato utilizzabile, quindi la connessione non è sicura.</translation>
    </message>
    <message>
        <source>The server at %1 presented a different certificate from the one you approved earlier. This happens when IT replaces the certificate, but it is also what an attacker intercepting the connection would do, so Gatehouse refuses to connect. Ask IT whether the certificate was changed; they can confirm the new fingerprint %2. To accept it, remove the old approval under Connection → Forget approved certificate and sign in again.</source>
        <translation>Il server %1 ha presentato un certificato diverso da quello che hai approvato in precedenza. Succede quando l&apos;IT sostituisce il certificato, ma è anche ciò che farebbe un malintenzionato che intercetta la connessione, perciò Gatehouse rifiuta di connettersi. Chiedi all&apos;IT se il certificato è stato cambiato: può confermarti la nuova impronta digitale %2. Per accettarlo, rimuovi la vecchia approvazione da Connessione → Dimentica il certificato approvato e accedi di nuovo.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted by this computer and was not approved, so Gatehouse did not connect. Check its fingerprint with IT before approving it.</source>
        <translation>Il certificato di %1 non è considerato attendibile da questo computer e non è stato approvato, quindi Gatehouse non si è connesso. Verifica la sua impronta digitale con l&apos;IT prima di approvarlo.</translation>
    </message>
</context>
<context>
    <name>ClientImport</name>
    <message>
        <source>Choose the column that holds the client&apos;s name.</source>
        <translation>Scegli la colonna con il nome del cliente.</translation>
    </message>
    <message>
        <source>Choose the column that holds the client&apos;s email address.</source>
        <translation>Scegli la colonna con l&apos;indirizzo email del cliente.</translation>
    </message>
    <message>
        <source>Choose the column that holds the matter.</source>
        <translation>Scegli la colonna con la pratica.</translation>
    </message>
    <message>
        <source>the name is missing</source>
        <translation>manca il nome</translation>
    </message>
    <message>
        <source>the name is longer than %1 characters</source>
        <translation>il nome supera i %1 caratteri</translation>
    </message>
    <message>
        <source>the email address is missing</source>
        <translation>manca l&apos;indirizzo email</translation>
    </message>
    <message>
        <source>the email address is longer than %1 characters</source>
        <translation>l&apos;indirizzo email supera i %1 caratteri</translation>
    </message>
    <message>
        <source>“%1” is not a valid email address</source>
        <translation>«%1» non è un indirizzo email valido</translation>
    </message>
    <message>
        <source>the matter is missing</source>
        <translation>manca la pratica</translation>
    </message>
    <message>
        <source>the matter is longer than %1 characters</source>
        <translation>la pratica supera i %1 caratteri</translation>
    </message>
    <message>
        <source>no partner on the team is called “%1”</source>
        <translation>nessun partner del team si chiama «%1»</translation>
    </message>
    <message>
        <source>the same email address is already on line %1</source>
        <translation>lo stesso indirizzo email è già alla riga %1</translation>
    </message>
    <message>
        <source>You were signed out before the import finished.</source>
        <translation>La sessione è terminata prima della fine dell&apos;importazione.</translation>
    </message>
</context>
<context>
    <name>CsvParser</name>
    <message>
        <source>The file is not UTF-8 text. Save it from your spreadsheet as “CSV UTF-8” and try again.</source>
        <translation>Il file non è testo UTF-8. Salvalo dal foglio di calcolo come «CSV UTF-8» e riprova.</translation>
    </message>
    <message>
        <source>Line %1: a quoted value is never closed. Check that every &quot; has its pair.</source>
        <translation>Riga %1: un valore tra virgolette non viene mai chiuso. Controlla che ogni &quot; abbia la sua coppia.</translation>
    </message>
</context>
<context>
    <name>DocumentSend</name>
    <message>
        <source>“%1” was not sent: %2</source>
        <translation>«%1» non è stato inviato: %2</translation>
    </message>
    <message>
        <source>The link to “%1” was emailed to the client.</source>
        <translation>Il link a «%1» è stato inviato via email al cliente.</translation>
    </message>
    <message>
        <source>The client</source>
        <translation>Il cliente</translation>
    </message>
    <message>
        <source>“%1” was not sent: %2&apos;s access is revoked, so document links are not mailed. Invite them again first.</source>
        <translation>«%1» non è stato inviato: l&apos;accesso di %2 è revocato, quindi i link ai documenti non vengono inviati. Invitalo di nuovo prima.</translation>
    </message>
    <message>
        <source>“%1” was not sent: %2 has no email address on file. Add one to the client first.</source>
        <translation>«%1» non è stato inviato: %2 non ha un indirizzo email registrato. Aggiungine uno al cliente prima.</translation>
    </message>
</context>
<context>
    <name>Gatehouse::AccessReportDialog</name>
    <message>
        <source>Access report</source>
        <translation>Rapporto sugli accessi</translation>
    </message>
    <message>
        <source>All partners</source>
        <translation>Tutti i partner</translation>
    </message>
    <message>
        <source>Responsible partner</source>
        <translation>Partner responsabile</translation>
    </message>
    <message>
        <source>Matter contains…</source>
        <translation>La pratica contiene…</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>Pratica</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Qualsiasi stato</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>Periodo dal</translation>
    </message>
    <message>
        <source>Period to</source>
        <translation>Periodo al</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Periodo:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>al</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Export to &amp;CSV…</source>
        <translation>Esporta in &amp;CSV…</translation>
    </message>
    <message>
        <source>Export to &amp;PDF…</source>
        <translation>Esporta in &amp;PDF…</translation>
    </message>
    <message>
        <source>Open the client&apos;s &amp;trail</source>
        <translation>Apri la &amp;cronologia del cliente</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Chiudi</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s), from the local copy synced with the server (works offline); built in %1 ms.</source>
        <translation>
            <numerusform>%n cliente, dalla copia locale sincronizzata con il server (funziona anche offline); creato in %1 ms.</numerusform>
            <numerusform>%n clienti, dalla copia locale sincronizzata con il server (funziona anche offline); creati in %1 ms.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export access report</source>
        <translation>Esporta il rapporto sugli accessi</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>File CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Esportazione non riuscita</translation>
    </message>
    <message>
        <source>%1 clients exported to %2</source>
        <translation>%1 clienti esportati in %2</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>File PDF (*.pdf)</translation>
    </message>
    <message>
        <source>(not signed in)</source>
        <translation>(nessun accesso)</translation>
    </message>
</context>
<context>
    <name>Gatehouse::AccessReportExport</name>
    <message>
        <source>%1 to %2</source>
        <translation>dal %1 al %2</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>dal %1</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>fino al %1</translation>
    </message>
    <message>
        <source>all time</source>
        <translation>tutto il periodo</translation>
    </message>
    <message>
        <source>%1 — client access report</source>
        <translation>%1 — rapporto sugli accessi dei clienti</translation>
    </message>
    <message>
        <source>Gatehouse</source>
        <translation>Gatehouse</translation>
    </message>
    <message>
        <source>Period: %1</source>
        <translation>Periodo: %1</translation>
    </message>
    <message>
        <source>partner %1</source>
        <translation>partner %1</translation>
    </message>
    <message>
        <source>matter containing &quot;%1&quot;</source>
        <translation>pratica contenente &quot;%1&quot;</translation>
    </message>
    <message>
        <source>status %1</source>
        <translation>stato %1</translation>
    </message>
    <message>
        <source>Clients: %1</source>
        <translation>Clienti: %1</translation>
    </message>
    <message>
        <source>Generated by %1 on %2</source>
        <translation>Creato da %1 il %2</translation>
    </message>
    <message>
        <source>Audit log: FAILED verification at event %1 (%2); verified up to event %3.</source>
        <translation>Registro di controllo: verifica NON RIUSCITA all&apos;evento %1 (%2); verificato fino all&apos;evento %3.</translation>
    </message>
    <message>
        <source>Audit log verified up to event %1, hash %2.</source>
        <translation>Registro di controllo verificato fino all&apos;evento %1, hash %2.</translation>
    </message>
    <message>
        <source>Only the first %1 of %2 clients are listed; export to CSV for all of them.</source>
        <translation>Sono elencati solo i primi %1 di %2 clienti; esporta in CSV per averli tutti.</translation>
    </message>
</context>
<context>
    <name>Gatehouse::AccessReportModel</name>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>Pratica</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Last access</source>
        <translation>Ultimo accesso</translation>
    </message>
    <message>
        <source>From address</source>
        <translation>Dall&apos;indirizzo</translation>
    </message>
    <message>
        <source>On device</source>
        <translation>Dal dispositivo</translation>
    </message>
    <message>
        <source>First access</source>
        <translation>Primo accesso</translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation>Accessi</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>Download</translation>
    </message>
    <message>
        <source>Open sessions</source>
        <translation>Sessioni aperte</translation>
    </message>
    <message>
        <source>Browsers verified</source>
        <translation>Browser verificati</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Blocco</translation>
    </message>
    <message>
        <source>Phone confirmation</source>
        <translation>Conferma telefonica</translation>
    </message>
    <message>
        <source>never</source>
        <translation>mai</translation>
    </message>
    <message>
        <source>on</source>
        <translation>attivo</translation>
    </message>
    <message>
        <source>off</source>
        <translation>non attivo</translation>
    </message>
</context>
<context>
    <name>Gatehouse::AuditExport</name>
    <message>
        <source>Hash chain: FAILED at event %1 — %2</source>
        <translation>Catena di hash: VERIFICA NON RIUSCITA all&apos;evento %1 — %2</translation>
    </message>
    <message>
        <source>Hash chain verified up to event %1.</source>
        <translation>Catena di hash verificata fino all&apos;evento %1.</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Ora (UTC)</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Da</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Dettagli</translation>
    </message>
    <message>
        <source>Only the newest %1 of %2 matching events are listed; export to CSV for all of them.</source>
        <translation>Sono elencati solo i %1 eventi più recenti su %2 corrispondenti; esporta in CSV per averli tutti.</translation>
    </message>
</context>
<context>
    <name>Gatehouse::AuditLogModel</name>
    <message>
        <source>Link issued</source>
        <translation>Link emesso</translation>
    </message>
    <message>
        <source>Link opened</source>
        <translation>Link aperto</translation>
    </message>
    <message>
        <source>Link refused</source>
        <translation>Link rifiutato</translation>
    </message>
    <message>
        <source>Link checked by a mail scanner</source>
        <translation>Link controllato da uno scanner di posta</translation>
    </message>
    <message>
        <source>Portal session started</source>
        <translation>Sessione del portale avviata</translation>
    </message>
    <message>
        <source>Portal session ended</source>
        <translation>Sessione del portale terminata</translation>
    </message>
    <message>
        <source>Browser verified</source>
        <translation>Browser verificato</translation>
    </message>
    <message>
        <source>Client created</source>
        <translation>Cliente creato</translation>
    </message>
    <message>
        <source>Client updated</source>
        <translation>Cliente modificato</translation>
    </message>
    <message>
        <source>Client deleted</source>
        <translation>Cliente eliminato</translation>
    </message>
    <message>
        <source>Client invited</source>
        <translation>Cliente invitato</translation>
    </message>
    <message>
        <source>Link regenerated</source>
        <translation>Link rigenerato</translation>
    </message>
    <message>
        <source>Access revoked</source>
        <translation>Accesso revocato</translation>
    </message>
    <message>
        <source>Sessions ended</source>
        <translation>Sessioni terminate</translation>
    </message>
    <message>
        <source>Require sign-in changed</source>
        <translation>Richiesta di accesso modificata</translation>
    </message>
    <message>
        <source>Phone confirmation changed</source>
        <translation>Conferma telefonica modificata</translation>
    </message>
    <message>
        <source>Phone code confirmed</source>
        <translation>Codice telefonico confermato</translation>
    </message>
    <message>
        <source>Document added</source>
        <translation>Documento aggiunto</translation>
    </message>
    <message>
        <source>Document removed</source>
        <translation>Documento rimosso</translation>
    </message>
    <message>
        <source>Document link emailed</source>
        <translation>Link del documento inviato via email</translation>
    </message>
    <message>
        <source>Document downloaded</source>
        <translation>Documento scaricato</translation>
    </message>
    <message>
        <source>Staff signed in</source>
        <translation>Accesso di un collaboratore</translation>
    </message>
    <message>
        <source>Staff sign-in failed</source>
        <translation>Accesso di un collaboratore non riuscito</translation>
    </message>
    <message>
        <source>Staff signed out</source>
        <translation>Uscita di un collaboratore</translation>
    </message>
    <message>
        <source>Staff member created</source>
        <translation>Collaboratore creato</translation>
    </message>
    <message>
        <source>Staff member updated</source>
        <translation>Collaboratore modificato</translation>
    </message>
    <message>
        <source>Mail queued</source>
        <translation>Email messa in coda</translation>
    </message>
    <message>
        <source>Mail could not be delivered</source>
        <translation>Email non recapitabile</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sì</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>n. %1</translation>
    </message>
    <message>
        <source>#</source>
        <translation>N.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Ora</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Da</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Indirizzo</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Dettagli</translation>
    </message>
    <message>
        <source>Browser verification ended</source>
        <translation>Verifica del browser terminata</translation>
    </message>
</context>
<context>
    <name>Gatehouse::AuditViewer</name>
    <message>
        <source>&amp;Dates</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>Audit log — Gatehouse</source>
        <translation>Registro di controllo — Gatehouse</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Registro di controllo</translation>
    </message>
    <message>
        <source>Client name</source>
        <translation>Nome del cliente</translation>
    </message>
    <message>
        <source>Filter by client</source>
        <translation>Filtra per cliente</translation>
    </message>
    <message>
        <source>Filter by event type</source>
        <translation>Filtra per tipo di evento</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Tutti gli eventi</translation>
    </message>
    <message>
        <source>Actor email</source>
        <translation>Email di chi ha agito</translation>
    </message>
    <message>
        <source>Filter by actor</source>
        <translation>Filtra per autore</translation>
    </message>
    <message>
        <source>Search addresses, devices, details</source>
        <translation>Cerca indirizzi, dispositivi, dettagli</translation>
    </message>
    <message>
        <source>Search the audit log</source>
        <translation>Cerca nel registro</translation>
    </message>
    <message>
        <source>Filter by date range</source>
        <translation>Filtra per intervallo di date</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Dalla data</translation>
    </message>
    <message>
        <source>To date (inclusive)</source>
        <translation>Alla data (inclusa)</translation>
    </message>
    <message>
        <source>Hash chain status</source>
        <translation>Stato della catena di hash</translation>
    </message>
    <message>
        <source>Event details</source>
        <translation>Dettagli dell&apos;evento</translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation>Eventi del registro</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Export to &amp;CSV…</source>
        <translation>Esporta in &amp;CSV…</translation>
    </message>
    <message>
        <source>Export to &amp;PDF…</source>
        <translation>Esporta in &amp;PDF…</translation>
    </message>
    <message>
        <source>Only partners and admins can export a PDF report.</source>
        <translation>Solo partner e amministratori possono esportare un rapporto PDF.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Chiudi</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Trova</translation>
    </message>
    <message>
        <source>The full audit log is available to partners and admins. A client&apos;s own events are in the client&apos;s details.</source>
        <translation>Il registro di controllo completo è disponibile per partner e amministratori. Gli eventi di un singolo cliente sono nei dettagli del cliente.</translation>
    </message>
    <message>
        <source>⚠ The audit log failed verification at event %1: %2. Events up to %3 are verified. Tell your administrator.</source>
        <translation>⚠ La verifica del registro di controllo non è riuscita all&apos;evento %1: %2. Gli eventi fino al %3 sono verificati. Avvisa il tuo amministratore.</translation>
    </message>
    <message>
        <source>✔ Hash chain verified up to event %1 (%2 events synced).</source>
        <translation>✔ Catena di hash verificata fino all&apos;evento %1 (%2 eventi sincronizzati).</translation>
    </message>
    <message>
        <source>No audit events synced yet.</source>
        <translation>Nessun evento sincronizzato finora.</translation>
    </message>
    <message>
        <source>Event #%1: %2 (%3)</source>
        <translation>Evento n. %1: %2 (%3)</translation>
    </message>
    <message>
        <source>Time: %1 (UTC %2)</source>
        <translation>Ora: %1 (UTC %2)</translation>
    </message>
    <message>
        <source>Actor: %1 %2 (id %3)</source>
        <translation>Autore: %1 %2 (id %3)</translation>
    </message>
    <message>
        <source>Client: %1 (id %2)</source>
        <translation>Cliente: %1 (id %2)</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>Indirizzo: %1</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>Dispositivo: %1</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Dettagli: %1</translation>
    </message>
    <message>
        <source>Previous hash: %1</source>
        <translation>Hash precedente: %1</translation>
    </message>
    <message>
        <source>Hash: %1</source>
        <translation>Hash: %1</translation>
    </message>
    <message>
        <source>Export audit log</source>
        <translation>Esporta il registro di controllo</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>File CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Esportazione non riuscita</translation>
    </message>
    <message>
        <source>%1 events exported to %2</source>
        <translation>%1 eventi esportati in %2</translation>
    </message>
    <message>
        <source>Export audit report</source>
        <translation>Esporta il rapporto di controllo</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>File PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Gatehouse audit report</source>
        <translation>Rapporto di controllo Gatehouse</translation>
    </message>
    <message>
        <source>Type at least three characters to search the text.</source>
        <translation>Digita almeno tre caratteri per cercare nel testo.</translation>
    </message>
</context>
<context>
    <name>Gatehouse::BulkInviteDialog</name>
    <message numerus="yes">
        <source>Invite %n client(s)</source>
        <translation>
            <numerusform>Invita %n cliente</numerusform>
            <numerusform>Invita %n clienti</numerusform>
        </translation>
    </message>
    <message>
        <source>Invitation progress</source>
        <translation>Avanzamento degli inviti</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Esito</translation>
    </message>
    <message>
        <source>Invitation results</source>
        <translation>Esiti degli inviti</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>In attesa</translation>
    </message>
    <message>
        <source>Sent; the link works until %1</source>
        <translation>Inviato; il link funziona fino al %1</translation>
    </message>
    <message numerus="yes">
        <source>%n invitation(s) sent.</source>
        <translation>
            <numerusform>%n invito inviato.</numerusform>
            <numerusform>%n inviti inviati.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rate-limited: try those again later.</source>
        <translation>
            <numerusform>%n fermato dal limite: riprova più tardi.</numerusform>
            <numerusform>%n fermati dal limite: riprova più tardi.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not sent: see the reason next to each.</source>
        <translation>
            <numerusform>%n non inviato: vedi il motivo accanto.</numerusform>
            <numerusform>%n non inviati: vedi il motivo accanto a ciascuno.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gatehouse::BulkInviter</name>
    <message>
        <source>Waiting</source>
        <translation>In attesa</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Inviato</translation>
    </message>
    <message>
        <source>Rate-limited: %1</source>
        <translation>Limite raggiunto: %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Non riuscito: %1</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Non inviato: %1</translation>
    </message>
    <message>
        <source>cancelled before it was sent</source>
        <translation>annullato prima dell&apos;invio</translation>
    </message>
    <message>
        <source>signed out</source>
        <translation>sessione terminata</translation>
    </message>
</context>
<context>
    <name>Gatehouse::CertificatePrompt</name>
    <message>
        <source>&lt;p&gt;This computer does not recognise the certificate of &lt;b&gt;%1&lt;/b&gt;. That is expected if your firm uses its own certificate; it is also what an attacker would present.&lt;/p&gt;&lt;p&gt;Compare this fingerprint with the one IT gave you, character by character:&lt;/p&gt;&lt;p&gt;&lt;tt&gt;%2&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;Issued to: %3&lt;br&gt;Issued by: %4&lt;br&gt;Valid until: %5&lt;/p&gt;&lt;p&gt;Trust this certificate for this server from now on?&lt;/p&gt;</source>
        <translation>&lt;p&gt;Questo computer non riconosce il certificato di &lt;b&gt;%1&lt;/b&gt;. È normale se il tuo studio usa un proprio certificato; è però anche ciò che presenterebbe un malintenzionato.&lt;/p&gt;&lt;p&gt;Confronta questa impronta digitale con quella fornita dall&apos;IT, carattere per carattere:&lt;/p&gt;&lt;p&gt;&lt;tt&gt;%2&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;Rilasciato a: %3&lt;br&gt;Rilasciato da: %4&lt;br&gt;Valido fino al: %5&lt;/p&gt;&lt;p&gt;Considerare attendibile questo certificato per questo server d&apos;ora in poi?&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Unrecognised certificate</source>
        <translation>Certificato non riconosciuto</translation>
    </message>
</context>
<context>
    <name>Gatehouse::ClientActions</name>
    <message>
        <source>The server cannot be reached, so changes are disabled. Gatehouse keeps trying and turns them back on as soon as the server answers.</source>
        <translation>Il server non è raggiungibile, quindi le modifiche sono disattivate. Gatehouse continua a riprovare e le riattiva non appena il server risponde.</translation>
    </message>
    <message>
        <source>Could not require sign-in for this client: %1</source>
        <translation>Impossibile richiedere l&apos;accesso per questo cliente: %1</translation>
    </message>
    <message>
        <source>Could not stop requiring sign-in for this client: %1</source>
        <translation>Impossibile smettere di richiedere l&apos;accesso per questo cliente: %1</translation>
    </message>
    <message>
        <source>Someone else changed this client while you were editing, so your change was not saved. The client now shows their version; check it and make your change again.</source>
        <translation>Qualcun altro ha modificato questo cliente mentre lo stavi modificando, quindi la tua modifica non è stata salvata. Ora il cliente mostra la sua versione: controllala e ripeti la modifica.</translation>
    </message>
</context>
<context>
    <name>Gatehouse::ClientDetailPane</name>
    <message>
        <source>Require sign-in</source>
        <translation>Richiedi l&apos;accesso</translation>
    </message>
    <message>
        <source>Confirm by phone</source>
        <translation>Conferma per telefono</translation>
    </message>
    <message>
        <source>Open sessions</source>
        <translation>Sessioni aperte</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Dal</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Ultima attività</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Indirizzo</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <source>Verified browsers</source>
        <translation>Browser verificati</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verificato</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documenti</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dimensione</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Aggiunto</translation>
    </message>
    <message>
        <source>Recent activity</source>
        <translation>Attività recente</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Ora</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Da</translation>
    </message>
    <message>
        <source>Client details</source>
        <translation>Dettagli del cliente</translation>
    </message>
    <message>
        <source>Client name</source>
        <translation>Nome del cliente</translation>
    </message>
    <message>
        <source>Access state</source>
        <translation>Stato dell&apos;accesso</translation>
    </message>
    <message>
        <source>Require sign-in for this client</source>
        <translation>Richiedi l&apos;accesso per questo cliente</translation>
    </message>
    <message>
        <source>Confirm this client by phone</source>
        <translation>Conferma questo cliente per telefono</translation>
    </message>
    <message>
        <source>Details status</source>
        <translation>Stato dei dettagli</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessioni</translation>
    </message>
    <message>
        <source>&amp;End session</source>
        <translation>&amp;Termina la sessione</translation>
    </message>
    <message>
        <source>End &amp;all</source>
        <translation>Termina &amp;tutte</translation>
    </message>
    <message>
        <source>Browsers</source>
        <translation>Browser</translation>
    </message>
    <message>
        <source>&amp;Forget browser</source>
        <translation>&amp;Dimentica il browser</translation>
    </message>
    <message>
        <source>Forget a&amp;ll</source>
        <translation>Dimentica t&amp;utti</translation>
    </message>
    <message>
        <source>A&amp;ttach…</source>
        <translation>A&amp;llega…</translation>
    </message>
    <message>
        <source>Attach documents</source>
        <translation>Allega documenti</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tutti i file (*)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Rimuovi</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Attività</translation>
    </message>
    <message>
        <source>Phone confirmation was not changed: %1</source>
        <translation>La conferma telefonica non è stata modificata: %1</translation>
    </message>
    <message>
        <source>Not invited yet: no link exists.</source>
        <translation>Non ancora invitato: non esiste alcun link.</translation>
    </message>
    <message>
        <source>Invited: the link has been sent and not used yet.</source>
        <translation>Invitato: il link è stato inviato e non è ancora stato usato.</translation>
    </message>
    <message>
        <source>Active: last opened the portal %1 from %2.</source>
        <translation>Attivo: ha aperto il portale l&apos;ultima volta %1 da %2.</translation>
    </message>
    <message>
        <source>an unknown device</source>
        <translation>un dispositivo sconosciuto</translation>
    </message>
    <message>
        <source>Active.</source>
        <translation>Attivo.</translation>
    </message>
    <message>
        <source>Revoked: the client cannot open the portal until invited again.</source>
        <translation>Revocato: il cliente non può aprire il portale finché non viene invitato di nuovo.</translation>
    </message>
    <message>
        <source>Expired: the link ran out before it was used. Regenerate it to send a new one.</source>
        <translation>Scaduto: il link è scaduto prima di essere usato. Rigeneralo per inviarne uno nuovo.</translation>
    </message>
    <message>
        <source>No client selected</source>
        <translation>Nessun cliente selezionato</translation>
    </message>
    <message>
        <source>Select a client in the list to see their access, sessions and documents.</source>
        <translation>Seleziona un cliente nell&apos;elenco per vederne accessi, sessioni e documenti.</translation>
    </message>
    <message>
        <source>%1 · %2 · partner: %3</source>
        <translation>%1 · %2 · partner: %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nessuno</translation>
    </message>
    <message>
        <source>Sessions could not be loaded: %1</source>
        <translation>Impossibile caricare le sessioni: %1</translation>
    </message>
    <message>
        <source>Browsers could not be loaded: %1</source>
        <translation>Impossibile caricare i browser: %1</translation>
    </message>
    <message>
        <source>Documents could not be loaded: %1</source>
        <translation>Impossibile caricare i documenti: %1</translation>
    </message>
    <message>
        <source>Recent activity could not be loaded: %1</source>
        <translation>Impossibile caricare l&apos;attività recente: %1</translation>
    </message>
    <message>
        <source>Session ended.</source>
        <translation>Sessione terminata.</translation>
    </message>
    <message>
        <source>The session was not ended: %1</source>
        <translation>La sessione non è stata terminata: %1</translation>
    </message>
    <message>
        <source>Ended from the client&apos;s details</source>
        <translation>Terminata dai dettagli del cliente</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) ended.</source>
        <translation>
            <numerusform>%n sessione terminata.</numerusform>
            <numerusform>%n sessioni terminate.</numerusform>
        </translation>
    </message>
    <message>
        <source>The sessions were not ended: %1</source>
        <translation>Le sessioni non sono state terminate: %1</translation>
    </message>
    <message>
        <source>Select a session first.</source>
        <translation>Seleziona prima una sessione.</translation>
    </message>
    <message numerus="yes">
        <source>%n browser(s) forgotten.</source>
        <translation>
            <numerusform>%n browser dimenticato.</numerusform>
            <numerusform>%n browser dimenticati.</numerusform>
        </translation>
    </message>
    <message>
        <source>The browsers were not forgotten: %1</source>
        <translation>I browser non sono stati dimenticati: %1</translation>
    </message>
    <message>
        <source>Select a browser first.</source>
        <translation>Seleziona prima un browser.</translation>
    </message>
    <message>
        <source>Browser forgotten.</source>
        <translation>Browser dimenticato.</translation>
    </message>
    <message>
        <source>The browser was not forgotten: %1</source>
        <translation>Il browser non è stato dimenticato: %1</translation>
    </message>
    <message>
        <source>Select a document first.</source>
        <translation>Seleziona prima un documento.</translation>
    </message>
    <message>
        <source>Remove document</source>
        <translation>Rimuovi documento</translation>
    </message>
    <message>
        <source>Remove “%1”? The client will no longer see it in the portal.</source>
        <translation>Rimuovere «%1»? Il cliente non lo vedrà più nel portale.</translation>
    </message>
    <message>
        <source>Document removed.</source>
        <translation>Documento rimosso.</translation>
    </message>
    <message>
        <source>The document was not removed: %1</source>
        <translation>Il documento non è stato rimosso: %1</translation>
    </message>
    <message>
        <source>“%1” could not be read: %2</source>
        <translation>Impossibile leggere «%1»: %2</translation>
    </message>
    <message>
        <source>Uploading “%1”…</source>
        <translation>Caricamento di «%1» in corso…</translation>
    </message>
    <message>
        <source>“%1” attached.</source>
        <translation>«%1» allegato.</translation>
    </message>
    <message>
        <source>“%1” was not attached: %2</source>
        <translation>«%1» non è stato allegato: %2</translation>
    </message>
    <message>
        <source>&amp;Email this document to the client</source>
        <translation>&amp;Invia questo documento al cliente via email</translation>
    </message>
    <message>
        <source>Mail this document&apos;s own link to the client&apos;s email address</source>
        <translation>Invia il link di questo documento all&apos;indirizzo email del cliente</translation>
    </message>
    <message>
        <source>E&amp;mail to client</source>
        <translation>Invia al cliente via e&amp;mail</translation>
    </message>
    <message>
        <source>Right-click to email this document&apos;s link to the client</source>
        <translation>Fai clic con il tasto destro per inviare al cliente il link di questo documento</translation>
    </message>
    <message>
        <source>Sending “%1”…</source>
        <translation>Invio di «%1» in corso…</translation>
    </message>
</context>
<context>
    <name>Gatehouse::ClientListModel</name>
    <message>
        <source>Draft</source>
        <translation>Bozza</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Invitato</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Attivo</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revocato</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Scaduto</translation>
    </message>
    <message>
        <source>A link alone is not enough: the client confirms their email first</source>
        <translation>Il link da solo non basta: il cliente conferma prima il proprio indirizzo email</translation>
    </message>
    <message>
        <source>The link alone opens the portal</source>
        <translation>Il link da solo apre il portale</translation>
    </message>
    <message>
        <source>%1
from %2
on %3</source>
        <translation>%1
da %2
su %3</translation>
    </message>
    <message>
        <source>an unknown address</source>
        <translation>un indirizzo sconosciuto</translation>
    </message>
    <message>
        <source>an unknown device</source>
        <translation>un dispositivo sconosciuto</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>Pratica</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Blocco</translation>
    </message>
    <message>
        <source>Last access</source>
        <translation>Ultimo accesso</translation>
    </message>
    <message>
        <source>Open sessions</source>
        <translation>Sessioni aperte</translation>
    </message>
</context>
<context>
    <name>Gatehouse::CsvImportDialog</name>
    <message>
        <source>No file chosen.</source>
        <translation>Nessun file scelto.</translation>
    </message>
    <message>
        <source>The first row holds column names</source>
        <translation>La prima riga contiene i nomi delle colonne</translation>
    </message>
    <message>
        <source>Import &amp;all rows</source>
        <translation>Importa &amp;tutte le righe</translation>
    </message>
    <message>
        <source>Import only the &amp;valid rows</source>
        <translation>Importa solo le righe &amp;valide</translation>
    </message>
    <message>
        <source>&amp;Retry the rows not created</source>
        <translation>&amp;Riprova le righe non create</translation>
    </message>
    <message>
        <source>Import clients from CSV</source>
        <translation>Importa clienti da CSV</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>&amp;Scegli file…</translation>
    </message>
    <message>
        <source>Choose a CSV file</source>
        <translation>Scegli un file CSV</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;Email:</translation>
    </message>
    <message>
        <source>&amp;Matter:</source>
        <translation>&amp;Pratica:</translation>
    </message>
    <message>
        <source>&amp;Partner:</source>
        <translation>&amp;Partner:</translation>
    </message>
    <message>
        <source>Column for %1</source>
        <translation>Colonna per %1</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Riga</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>Pratica</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemi</translation>
    </message>
    <message>
        <source>Validation report</source>
        <translation>Rapporto di verifica</translation>
    </message>
    <message>
        <source>Import result</source>
        <translation>Esito dell&apos;importazione</translation>
    </message>
    <message>
        <source>Import all rows</source>
        <translation>Importa tutte le righe</translation>
    </message>
    <message>
        <source>Import only the valid rows</source>
        <translation>Importa solo le righe valide</translation>
    </message>
    <message>
        <source>Import clients</source>
        <translation>Importa clienti</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>File CSV (*.csv *.txt);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Could not read “%1”. Check that the file exists and is a CSV file under 20 MB.</source>
        <translation>Impossibile leggere «%1». Controlla che il file esista e sia un CSV sotto i 20 MB.</translation>
    </message>
    <message>
        <source>(not in the file)</source>
        <translation>(non nel file)</translation>
    </message>
    <message>
        <source>Column %1: %2</source>
        <translation>Colonna %1: %2</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>pronta</translation>
    </message>
    <message>
        <source>Choose a CSV file with one client per row: name, email, matter and, optionally, the partner&apos;s name or email.</source>
        <translation>Scegli un file CSV con un cliente per riga: nome, email, pratica e, se vuoi, nome o email del partner.</translation>
    </message>
    <message>
        <source>The file has no client rows.</source>
        <translation>Il file non contiene righe di clienti.</translation>
    </message>
    <message numerus="yes">
        <source>All %n row(s) are ready to import. Nothing has been sent yet.</source>
        <translation>
            <numerusform>%n riga è pronta per l&apos;importazione. Non è stato ancora inviato nulla.</numerusform>
            <numerusform>Tutte le %n righe sono pronte per l&apos;importazione. Non è stato ancora inviato nulla.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 rows have problems (listed above). Nothing has been sent. Fix the file and choose it again, or import only the %3 valid rows.</source>
        <translation>%1 righe su %2 hanno problemi (elencati sopra). Non è stato inviato nulla. Correggi il file e sceglilo di nuovo, oppure importa solo le %3 righe valide.</translation>
    </message>
    <message numerus="yes">
        <source>Import only the %n &amp;valid row(s)</source>
        <translation>
            <numerusform>Importa solo la riga &amp;valida</numerusform>
            <numerusform>Importa solo le %n righe &amp;valide</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported: every row must be valid before it is sent.</source>
        <translation>Non è stato importato nulla: ogni riga deve essere valida prima dell&apos;invio.</translation>
    </message>
    <message numerus="yes">
        <source>Created %n client(s) (lines %1). They are in the client list; invite them when you are ready.</source>
        <translation>
            <numerusform>Creato %n cliente (righe %1). È nell&apos;elenco clienti; invitalo quando vuoi.</numerusform>
            <numerusform>Creati %n clienti (righe %1). Sono nell&apos;elenco clienti; invitali quando vuoi.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server refused line %1: %2</source>
        <translation>Il server ha rifiutato la riga %1: %2</translation>
    </message>
    <message>
        <source>No client was created.</source>
        <translation>Non è stato creato alcun cliente.</translation>
    </message>
    <message>
        <source>Created before that: lines %1.</source>
        <translation>Create prima: righe %1.</translation>
    </message>
    <message>
        <source>Not created: lines %1. Fix the cause and press “Retry” to send only these.</source>
        <translation>Non create: righe %1. Elimina la causa e premi «Riprova» per inviare solo queste.</translation>
    </message>
</context>
<context>
    <name>Gatehouse::DocumentLinkDialog</name>
    <message>
        <source>Document links for %1</source>
        <translation>Link ai documenti per %1</translation>
    </message>
    <message>
        <source>Document links</source>
        <translation>Link ai documenti</translation>
    </message>
    <message>
        <source>&lt;b&gt;Attached.&lt;/b&gt; Each document has its own link, shown only this once — copy it now if you pass it on yourself, or let Gatehouse email it to %1.</source>
        <translation>&lt;b&gt;Allegato.&lt;/b&gt; Ogni documento ha un proprio link, mostrato solo questa volta — copialo ora se lo inoltri tu, oppure lascia che Gatehouse lo invii via email a %1.</translation>
    </message>
    <message>
        <source>Link to %1</source>
        <translation>Link a %1</translation>
    </message>
    <message>
        <source>&amp;Copy link</source>
        <translation>&amp;Copia il link</translation>
    </message>
    <message>
        <source>Copy link to %1</source>
        <translation>Copia il link a %1</translation>
    </message>
    <message>
        <source>&amp;Email it to the client</source>
        <translation>&amp;Invialo al cliente via email</translation>
    </message>
    <message>
        <source>Email %1 to the client</source>
        <translation>Invia %1 al cliente via email</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiato</translation>
    </message>
    <message>
        <source>Document link status</source>
        <translation>Stato del link al documento</translation>
    </message>
    <message>
        <source>Sending “%1”…</source>
        <translation>Invio di «%1» in corso…</translation>
    </message>
    <message>
        <source>Emailed</source>
        <translation>Inviato</translation>
    </message>
</context>
<context>
    <name>Gatehouse::InviteDialog</name>
    <message>
        <source>Require sign-in: the link alone is not enough</source>
        <translation>Richiedi l&apos;accesso: il link da solo non basta</translation>
    </message>
    <message>
        <source>Confirm by phone: the client reads a code to you</source>
        <translation>Conferma per telefono: il cliente ti legge un codice</translation>
    </message>
    <message>
        <source>&amp;Copy link</source>
        <translation>&amp;Copia il link</translation>
    </message>
    <message>
        <source>Invite %1</source>
        <translation>Invita %1</translation>
    </message>
    <message>
        <source>Invite a new client</source>
        <translation>Invita un nuovo cliente</translation>
    </message>
    <message>
        <source>Client name</source>
        <translation>Nome del cliente</translation>
    </message>
    <message>
        <source>Client email</source>
        <translation>Email del cliente</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>nome@esempio.it</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>Pratica</translation>
    </message>
    <message>
        <source>e.g. Estate of J. Smith</source>
        <translation>es. Successione di M. Rossi</translation>
    </message>
    <message>
        <source>Responsible partner</source>
        <translation>Partner responsabile</translation>
    </message>
    <message>
        <source>Require sign-in</source>
        <translation>Richiedi l&apos;accesso</translation>
    </message>
    <message>
        <source>Phone confirmation</source>
        <translation>Conferma telefonica</translation>
    </message>
    <message>
        <source>Preview of the email</source>
        <translation>Anteprima dell&apos;email</translation>
    </message>
    <message>
        <source>Invitation problem</source>
        <translation>Problema con l&apos;invito</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;Email:</translation>
    </message>
    <message>
        <source>&amp;Matter:</source>
        <translation>&amp;Pratica:</translation>
    </message>
    <message>
        <source>&amp;Partner:</source>
        <translation>Pa&amp;rtner:</translation>
    </message>
    <message>
        <source>The client will receive:</source>
        <translation>Il cliente riceverà:</translation>
    </message>
    <message>
        <source>&lt;b&gt;The invitation was sent.&lt;/b&gt; Here is the link, shown only this once — copy it now if you need to pass it on another way:</source>
        <translation>&lt;b&gt;L&apos;invito è stato inviato.&lt;/b&gt; Ecco il link, mostrato solo questa volta — copialo ora se devi trasmetterlo in un altro modo:</translation>
    </message>
    <message>
        <source>Portal link</source>
        <translation>Link al portale</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copia il link</translation>
    </message>
    <message>
        <source>Link expiry</source>
        <translation>Scadenza del link</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiato</translation>
    </message>
    <message>
        <source>&amp;Send invitation</source>
        <translation>&amp;Invia l&apos;invito</translation>
    </message>
    <message>
        <source>Send invitation</source>
        <translation>Invia l&apos;invito</translation>
    </message>
    <message>
        <source>Enter the client&apos;s name as they would recognise it, e.g. Maria Rossi.</source>
        <translation>Inserisci il nome del cliente come lo riconoscerebbe, es. Maria Rossi.</translation>
    </message>
    <message>
        <source>The name is too long; keep it under 200 characters.</source>
        <translation>Il nome è troppo lungo: non superare i 200 caratteri.</translation>
    </message>
    <message>
        <source>Enter the client&apos;s email address; the link is sent there.</source>
        <translation>Inserisci l&apos;indirizzo email del cliente: il link viene inviato lì.</translation>
    </message>
    <message>
        <source>“%1” is not a valid email address. Check it for typos, e.g. maria@example.com.</source>
        <translation>«%1» non è un indirizzo email valido. Controlla che non ci siano errori di battitura, es. maria@esempio.it.</translation>
    </message>
    <message>
        <source>Enter the matter, so colleagues know what this access is for.</source>
        <translation>Inserisci la pratica, così i colleghi sanno a cosa serve questo accesso.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(nessuno)</translation>
    </message>
    <message>
        <source>[client name]</source>
        <translation>[nome del cliente]</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Invio in corso…</translation>
    </message>
    <message>
        <source>The client was not created: %1</source>
        <translation>Il cliente non è stato creato: %1</translation>
    </message>
    <message>
        <source>The invitation was not sent: %1</source>
        <translation>L&apos;invito non è stato inviato: %1</translation>
    </message>
    <message>
        <source>The link works once and expires on %1.</source>
        <translation>Il link funziona una sola volta e scade il %1.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fatto</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Preparazione dell&apos;anteprima…</translation>
    </message>
    <message>
        <source>Preview unavailable offline. The invitation is sent from the server&apos;s template once Gatehouse reconnects.</source>
        <translation>Anteprima non disponibile offline. L&apos;invito viene inviato con il modello del server quando Gatehouse si ricollega.</translation>
    </message>
    <message>
        <source>Preview unavailable offline.</source>
        <translation>Anteprima non disponibile offline.</translation>
    </message>
    <message>
        <source>Preview unavailable: %1</source>
        <translation>Anteprima non disponibile: %1</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Subject:&lt;/b&gt; %1&lt;/p&gt;&lt;hr&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Oggetto:&lt;/b&gt; %1&lt;/p&gt;&lt;hr&gt;</translation>
    </message>
</context>
<context>
    <name>Gatehouse::MailOutboxDialog</name>
    <message>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ggiorna</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Riprova</translation>
    </message>
    <message>
        <source>Mail outbox</source>
        <translation>Posta in uscita</translation>
    </message>
    <message>
        <source>Show messages in state</source>
        <translation>Mostra i messaggi nello stato</translation>
    </message>
    <message>
        <source>All messages</source>
        <translation>Tutti i messaggi</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Mostra:</translation>
    </message>
    <message>
        <source>Refresh the mail outbox</source>
        <translation>Aggiorna la posta in uscita</translation>
    </message>
    <message>
        <source>Messages in the mail outbox</source>
        <translation>Messaggi nella posta in uscita</translation>
    </message>
    <message>
        <source>Selected message</source>
        <translation>Messaggio selezionato</translation>
    </message>
    <message>
        <source>Mail outbox message</source>
        <translation>Avviso della posta in uscita</translation>
    </message>
    <message>
        <source>Retry the selected dead message</source>
        <translation>Riprova il messaggio non recapitabile selezionato</translation>
    </message>
    <message>
        <source>Only dead messages can be retried: Gatehouse gave up on them.</source>
        <translation>Si possono riprovare solo i messaggi non recapitabili, quelli per cui Gatehouse ha smesso di tentare.</translation>
    </message>
    <message>
        <source>&amp;Mail outbox…</source>
        <translation>&amp;Posta in uscita…</translation>
    </message>
    <message>
        <source>See the mail the portal has queued, is retrying or gave up on, and retry it.</source>
        <translation>Vedi le email che il portale ha in coda, sta riprovando o non è riuscito a recapitare, e riprova l&apos;invio.</translation>
    </message>
    <message>
        <source>Only administrators can see and retry the portal&apos;s mail. Ask an administrator of your firm.</source>
        <translation>Solo gli amministratori possono vedere e reinviare le email del portale. Rivolgiti a un amministratore del tuo studio.</translation>
    </message>
    <message>
        <source>Your sign-in has ended. Sign in again, then reopen the mail outbox.</source>
        <translation>Il tuo accesso è scaduto. Accedi di nuovo, poi riapri la posta in uscita.</translation>
    </message>
    <message>
        <source>This message is no longer in the outbox. Refresh the list.</source>
        <translation>Questo messaggio non è più nella posta in uscita. Aggiorna l&apos;elenco.</translation>
    </message>
    <message>
        <source>The message was not queued again: %1 Someone may have retried it already; refresh the list to see where it stands.</source>
        <translation>Il messaggio non è stato rimesso in coda: %1 Forse qualcuno lo ha già riprovato; aggiorna l&apos;elenco per vedere a che punto è.</translation>
    </message>
    <message>
        <source>The message was not queued again: %1</source>
        <translation>Il messaggio non è stato rimesso in coda: %1</translation>
    </message>
    <message>
        <source>The mail outbox could not be loaded: %1</source>
        <translation>Impossibile caricare la posta in uscita: %1</translation>
    </message>
    <message>
        <source>The outbox is empty: no mail has been queued.</source>
        <translation>La posta in uscita è vuota: non è stata messa in coda alcuna email.</translation>
    </message>
    <message>
        <source>No messages in this state.</source>
        <translation>Nessun messaggio in questo stato.</translation>
    </message>
    <message numerus="yes">
        <source>Showing the newest %n messages.</source>
        <translation>
            <numerusform>È mostrato solo il messaggio più recente.</numerusform>
            <numerusform>Sono mostrati i %n messaggi più recenti.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s).</source>
        <translation>
            <numerusform>%n messaggio.</numerusform>
            <numerusform>%n messaggi.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 to %2 — %3, %n attempt(s).</source>
        <translation>
            <numerusform>%1 a %2 — %3, %n tentativo.</numerusform>
            <numerusform>%1 a %2 — %3, %n tentativi.</numerusform>
        </translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Ultimo errore: %1</translation>
    </message>
    <message>
        <source>Select a dead message first.</source>
        <translation>Seleziona prima un messaggio non recapitabile.</translation>
    </message>
    <message>
        <source>Queueing the message again…</source>
        <translation>Nuovo inserimento in coda del messaggio…</translation>
    </message>
    <message>
        <source>The message to %1 (%2) is queued again with a fresh set of attempts and will be sent within moments. If the mail server still refuses it, it comes back here as Retrying, then Dead.</source>
        <translation>Il messaggio per %1 (%2) è di nuovo in coda con un nuovo ciclo di tentativi e sarà inviato a breve. Se il server di posta lo rifiuta ancora, ricomparirà qui come «In riprova» e poi «Non recapitabile».</translation>
    </message>
</context>
<context>
    <name>Gatehouse::MailOutboxModel</name>
    <message>
        <source>Invitation</source>
        <translation>Invito</translation>
    </message>
    <message>
        <source>Sign-in link</source>
        <translation>Link di accesso</translation>
    </message>
    <message>
        <source>New sign-in notice</source>
        <translation>Avviso di nuovo accesso</translation>
    </message>
    <message>
        <source>Browser confirmation</source>
        <translation>Conferma del browser</translation>
    </message>
    <message>
        <source>Phone code</source>
        <translation>Codice telefonico</translation>
    </message>
    <message>
        <source>Test mail</source>
        <translation>Email di prova</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In coda</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>In invio</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>In riprova</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Inviato</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation>Non recapitabile</translation>
    </message>
    <message>
        <source>Not connected to a server.</source>
        <translation>Nessun server collegato.</translation>
    </message>
    <message>
        <source>due now</source>
        <translation>in scadenza ora</translation>
    </message>
    <message>
        <source>Gatehouse gave up on this message; IT can retry it once the mail server problem is fixed.</source>
        <translation>Gatehouse ha smesso di tentare l&apos;invio di questo messaggio; l&apos;IT può riprovare dopo aver risolto il problema del server di posta.</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinatario</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentativi</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Prossimo tentativo</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Ultimo errore</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creato</translation>
    </message>
</context>
<context>
    <name>Gatehouse::MainWindow</name>
    <message>
        <source>Gatehouse</source>
        <translation>Gatehouse</translation>
    </message>
    <message>
        <source>Offline — showing cached data; changes are disabled until the server is reachable. Gatehouse reconnects automatically.</source>
        <translation>Non in linea — sono mostrati i dati salvati; le modifiche sono disattivate finché il server non risponde. Gatehouse si ricollega da solo.</translation>
    </message>
    <message>
        <source>Offline notice</source>
        <translation>Avviso di disconnessione</translation>
    </message>
    <message>
        <source>Filter by name, email or matter</source>
        <translation>Filtra per nome, email o pratica</translation>
    </message>
    <message>
        <source>Filter clients</source>
        <translation>Filtra i clienti</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Filtra per stato</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tutti gli stati</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Bozza</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Invitato</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Attivo</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revocato</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Scaduto</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clienti</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>Stato della sincronizzazione</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>Nessuna modifica</translation>
    </message>
    <message>
        <source>Syncing… %1 records received</source>
        <translation>Sincronizzazione… %1 record ricevuti</translation>
    </message>
    <message>
        <source>&amp;Invite…</source>
        <translation>&amp;Invita…</translation>
    </message>
    <message>
        <source>&amp;Confirm a client&apos;s code…</source>
        <translation>&amp;Conferma il codice di un cliente…</translation>
    </message>
    <message>
        <source>Re&amp;generate link…</source>
        <translation>Ri&amp;genera il link…</translation>
    </message>
    <message>
        <source>&amp;End all sessions…</source>
        <translation>&amp;Termina tutte le sessioni…</translation>
    </message>
    <message>
        <source>Re&amp;voke access…</source>
        <translation>Re&amp;voca l&apos;accesso…</translation>
    </message>
    <message>
        <source>Copy &amp;email address</source>
        <translation>Copia l&apos;indirizzo &amp;email</translation>
    </message>
    <message>
        <source>&amp;New client and invite…</source>
        <translation>&amp;Nuovo cliente e invito…</translation>
    </message>
    <message>
        <source>&amp;Audit log</source>
        <translation>&amp;Registro di controllo</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ggiorna</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>T&amp;rova</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Esci</translation>
    </message>
    <message>
        <source>Sign out and &amp;clear local data</source>
        <translation>Esci e &amp;cancella i dati locali</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Chiudi Gatehouse</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Modifica</translation>
    </message>
    <message>
        <source>&amp;Client</source>
        <translation>C&amp;liente</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visualizza</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aiuto</translation>
    </message>
    <message>
        <source>&amp;About Gatehouse</source>
        <translation>&amp;Informazioni su Gatehouse</translation>
    </message>
    <message>
        <source>Select a client first.</source>
        <translation>Seleziona prima un cliente.</translation>
    </message>
    <message>
        <source>Signed in as %1 — %2 clients — synced %3</source>
        <translation>Connesso come %1 — %2 clienti — sincronizzato alle %3</translation>
    </message>
    <message>
        <source>Signed in as %1 — not synced yet</source>
        <translation>Connesso come %1 — non ancora sincronizzato</translation>
    </message>
    <message>
        <source>(last sync failed: %1)</source>
        <translation>(ultima sincronizzazione non riuscita: %1)</translation>
    </message>
    <message>
        <source>About Gatehouse</source>
        <translation>Informazioni su Gatehouse</translation>
    </message>
    <message>
        <source>Invite &amp;selected clients…</source>
        <translation>Invita i clienti &amp;selezionati…</translation>
    </message>
    <message>
        <source>&amp;Import clients from CSV…</source>
        <translation>&amp;Importa clienti da CSV…</translation>
    </message>
    <message>
        <source>&amp;Team…</source>
        <translation>&amp;Team…</translation>
    </message>
    <message>
        <source>Only administrators manage the team.</source>
        <translation>Solo gli amministratori gestiscono il team.</translation>
    </message>
    <message>
        <source>Set up &amp;two-step sign-in…</source>
        <translation>Configura l&apos;accesso in &amp;due passaggi…</translation>
    </message>
    <message>
        <source>Keychain notice</source>
        <translation>Avviso sul portachiavi</translation>
    </message>
    <message>
        <source>Your sign-in could not be saved in the system keychain (%1). You will need to sign in again next time. Check that your keyring is unlocked.</source>
        <translation>Non è stato possibile salvare l&apos;accesso nel portachiavi di sistema (%1). La prossima volta dovrai accedere di nuovo. Controlla che il portachiavi sia sbloccato.</translation>
    </message>
    <message>
        <source>Copy &amp;diagnostics</source>
        <translation>Copia &amp;diagnostica</translation>
    </message>
    <message>
        <source>Copy a report for IT support: versions, settings, cache and recent log lines. It contains no password or token.</source>
        <translation>Copia un rapporto per l&apos;assistenza IT: versioni, impostazioni, cache e ultime righe del registro. Non contiene password né token.</translation>
    </message>
    <message>
        <source>Portal server %1 (database schema %2) at %3</source>
        <translation>Server del portale %1 (schema del database %2) su %3</translation>
    </message>
    <message>
        <source>Portal server: not connected.</source>
        <translation>Server del portale: non connesso.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gatehouse %1&lt;/b&gt;&lt;p&gt;Manage who can open your firm&apos;s client portal.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;Help → Copy diagnostics copies a report for IT support.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Gatehouse %1&lt;/b&gt;&lt;p&gt;Gestisci chi può aprire il portale clienti del tuo studio.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;Aiuto → Copia diagnostica copia un rapporto per l&apos;assistenza IT.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Diagnostics copied to the clipboard. Paste them into your message to IT.</source>
        <translation>Diagnostica copiata negli appunti. Incollala nel messaggio all&apos;IT.</translation>
    </message>
    <message>
        <source>No clients to show</source>
        <translation>Nessun cliente da mostrare</translation>
    </message>
    <message>
        <source>Invite a client…</source>
        <translation>Invita un cliente…</translation>
    </message>
    <message>
        <source>Import from CSV…</source>
        <translation>Importa da CSV…</translation>
    </message>
    <message>
        <source>Clear filter</source>
        <translation>Azzera il filtro</translation>
    </message>
    <message>
        <source>No clients have the status “%1”.</source>
        <translation>Nessun cliente ha lo stato «%1».</translation>
    </message>
    <message>
        <source>No clients match “%1”.</source>
        <translation>Nessun cliente corrisponde a «%1».</translation>
    </message>
    <message>
        <source>No clients yet — invite your first client, or import a list from CSV.</source>
        <translation>Ancora nessun cliente: invita il primo cliente oppure importa un elenco da CSV.</translation>
    </message>
    <message>
        <source>A&amp;ttach document…</source>
        <translation>A&amp;llega documento…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Azioni</translation>
    </message>
    <message>
        <source>Re&amp;quire sign-in</source>
        <translation>Richiedi l&apos;&amp;accesso</translation>
    </message>
    <message>
        <source>Stop re&amp;quiring sign-in</source>
        <translation>Non richiedere più l&apos;&amp;accesso</translation>
    </message>
    <message>
        <source>Access &amp;report…</source>
        <translation>&amp;Rapporto sugli accessi…</translation>
    </message>
    <message>
        <source>Update mode</source>
        <translation>Modalità di aggiornamento</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>In tempo reale</translation>
    </message>
    <message>
        <source>Colleagues&apos; changes appear as they happen.</source>
        <translation>Le modifiche dei colleghi compaiono appena avvengono.</translation>
    </message>
    <message numerus="yes">
        <source>Polling every %n s</source>
        <translation>
            <numerusform>Controllo ogni %n s</numerusform>
            <numerusform>Controllo ogni %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The live connection to the server is down; the app checks for changes every %n second(s) and reconnects by itself.</source>
        <translation>
            <numerusform>La connessione in tempo reale con il server è interrotta; l&apos;app controlla le modifiche ogni %n secondo e si ricollega da sola.</numerusform>
            <numerusform>La connessione in tempo reale con il server è interrotta; l&apos;app controlla le modifiche ogni %n secondi e si ricollega da sola.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gatehouse::PhoneCodeDialog</name>
    <message>
        <source>&amp;Check code</source>
        <translation>&amp;Verifica il codice</translation>
    </message>
    <message>
        <source>Confirm %1&apos;s code</source>
        <translation>Conferma il codice di %1</translation>
    </message>
    <message>
        <source>Ask %1 to read out the code shown in their portal, then type it here.</source>
        <translation>Chiedi a %1 di leggerti il codice mostrato nel suo portale, poi digitalo qui.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Codice</translation>
    </message>
    <message>
        <source>digits only</source>
        <translation>solo cifre</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Risultato</translation>
    </message>
    <message>
        <source>Check code</source>
        <translation>Verifica il codice</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Codice:</translation>
    </message>
    <message>
        <source>The code is 4 to 10 digits; ask the client to read it again.</source>
        <translation>Il codice ha da 4 a 10 cifre; chiedi al cliente di rileggerlo.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Verifica in corso…</translation>
    </message>
    <message>
        <source>✔ Confirmed. The client can now continue in the portal.</source>
        <translation>✔ Confermato. Il cliente può proseguire nel portale.</translation>
    </message>
    <message>
        <source>✘ That code is not right. Ask the client to read it again.</source>
        <translation>✘ Il codice non è corretto. Chiedi al cliente di rileggerlo.</translation>
    </message>
    <message>
        <source>There is no code waiting for this client, or it has expired. Ask them to reload the portal page for a new code.</source>
        <translation>Non c&apos;è alcun codice in attesa per questo cliente, oppure è scaduto. Chiedigli di ricaricare la pagina del portale per avere un nuovo codice.</translation>
    </message>
    <message>
        <source>Too many wrong tries: the code is locked. The client must request a new one from the portal.</source>
        <translation>Troppi tentativi errati: il codice è bloccato. Il cliente deve richiederne uno nuovo dal portale.</translation>
    </message>
    <message>
        <source>The code could not be checked: %1</source>
        <translation>Non è stato possibile verificare il codice: %1</translation>
    </message>
</context>
<context>
    <name>Gatehouse::PortalClient</name>
    <message>
        <source>Cannot reach the server at %1. Check the address and that the server is running.</source>
        <translation>Impossibile raggiungere il server %1. Controlla l&apos;indirizzo e che il server sia in funzione.</translation>
    </message>
    <message>
        <source>No server address is set. Enter the address of your firm&apos;s Gatehouse server, for example https://portal.example.com.</source>
        <translation>Nessun indirizzo del server impostato. Inserisci l&apos;indirizzo del server Gatehouse del tuo studio, per esempio https://portal.example.com.</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed: %2. Check the address; if your firm uses its own certificate, ask IT to install it.</source>
        <translation>La connessione sicura a %1 non è riuscita: %2. Controlla l&apos;indirizzo; se il tuo studio usa un proprio certificato, chiedi all&apos;IT di installarlo.</translation>
    </message>
    <message>
        <source>The server at %1 answered (HTTP %2), but not like a Gatehouse server. Check that the address points to your firm&apos;s Gatehouse portal.</source>
        <translation>Il server %1 ha risposto (HTTP %2), ma non come un server Gatehouse. Controlla che l&apos;indirizzo sia quello del portale Gatehouse del tuo studio.</translation>
    </message>
    <message>
        <source>The server&apos;s answer about %1 is incomplete. Check that the server runs a Gatehouse version that matches this app.</source>
        <translation>La risposta del server riguardo a %1 è incompleta. Controlla che il server usi una versione di Gatehouse compatibile con questa app.</translation>
    </message>
    <message>
        <source>your sign-in</source>
        <translation>il tuo accesso</translation>
    </message>
    <message>
        <source>the mail outbox</source>
        <translation>la posta in uscita</translation>
    </message>
    <message>
        <source>the retried message</source>
        <translation>il messaggio rimesso in coda</translation>
    </message>
    <message>
        <source>two-step sign-in</source>
        <translation>l&apos;accesso in due passaggi</translation>
    </message>
    <message>
        <source>the new link</source>
        <translation>il nuovo link</translation>
    </message>
</context>
<context>
    <name>Gatehouse::QrCode</name>
    <message>
        <source>The text is too long for a QR code.</source>
        <translation>Il testo è troppo lungo per un codice QR.</translation>
    </message>
</context>
<context>
    <name>Gatehouse::RelativeTime</name>
    <message>
        <source>never</source>
        <translation>mai</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>adesso</translation>
    </message>
    <message>
        <source>1 minute ago</source>
        <translation>1 minuto fa</translation>
    </message>
    <message numerus="yes">
        <source>%n minutes ago</source>
        <translation>
            <numerusform>%n minuto fa</numerusform>
            <numerusform>%n minuti fa</numerusform>
        </translation>
    </message>
    <message>
        <source>1 hour ago</source>
        <translation>1 ora fa</translation>
    </message>
    <message numerus="yes">
        <source>%n hours ago</source>
        <translation>
            <numerusform>%n ora fa</numerusform>
            <numerusform>%n ore fa</numerusform>
        </translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>ieri</translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>%n giorno fa</numerusform>
            <numerusform>%n giorni fa</numerusform>
        </translation>
    </message>
    <message>
        <source>1 month ago</source>
        <translation>1 mese fa</translation>
    </message>
    <message numerus="yes">
        <source>%n months ago</source>
        <translation>
            <numerusform>%n mese fa</numerusform>
            <numerusform>%n mesi fa</numerusform>
        </translation>
    </message>
    <message>
        <source>1 year ago</source>
        <translation>1 anno fa</translation>
    </message>
    <message numerus="yes">
        <source>%n years ago</source>
        <translation>
            <numerusform>%n anno fa</numerusform>
            <numerusform>%n anni fa</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gatehouse::ReportFiles</name>
    <message>
        <source>Could not write %1 (%2). Choose a folder you can write to.</source>
        <translation>Impossibile scrivere %1 (%2). Scegli una cartella in cui hai i permessi di scrittura.</translation>
    </message>
    <message>
        <source>the PDF writer failed</source>
        <translation>la generazione del PDF non è riuscita</translation>
    </message>
</context>
<context>
    <name>Gatehouse::RevokeDialog</name>
    <message>
        <source>&amp;Regenerate the link — send a new one, the old one stops working</source>
        <translation>&amp;Rigenera il link — ne invia uno nuovo, il vecchio smette di funzionare</translation>
    </message>
    <message>
        <source>&amp;End all sessions — sign the client out everywhere</source>
        <translation>&amp;Termina tutte le sessioni — disconnette il cliente ovunque</translation>
    </message>
    <message>
        <source>Re&amp;voke all access — the client can no longer open the portal</source>
        <translation>Re&amp;voca ogni accesso — il cliente non può più aprire il portale</translation>
    </message>
    <message>
        <source>Change access for %1</source>
        <translation>Modifica l&apos;accesso di %1</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>Cosa succederà</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Why? For example: the client asked; wrong email address; matter closed. Recorded in the audit log.</source>
        <translation>Perché? Per esempio: lo ha chiesto il cliente; indirizzo email errato; pratica chiusa. Viene registrato nel registro di controllo.</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>New portal link</source>
        <translation>Nuovo link al portale</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Conferma</translation>
    </message>
    <message>
        <source>Rea&amp;son (required):</source>
        <translation>Mo&amp;tivo (obbligatorio):</translation>
    </message>
    <message>
        <source>The link %1 has will stop working immediately, and anyone signed in with it is signed out. A new link is sent to %2 and shown to you once.</source>
        <translation>Il link che ha %1 smetterà di funzionare immediatamente e chi lo sta usando viene disconnesso. Un nuovo link viene inviato a %2 e mostrato a te una sola volta.</translation>
    </message>
    <message numerus="yes">
        <source>%1 is signed out of the portal on every device at once (%n open session(s)). Their link and access stay as they are; they can open the portal again with a valid link.</source>
        <translation>
            <numerusform>%1 viene disconnesso dal portale su tutti i dispositivi contemporaneamente (%n sessione aperta). Il link e l&apos;accesso restano invariati: potrà riaprire il portale con un link valido.</numerusform>
            <numerusform>%1 viene disconnesso dal portale su tutti i dispositivi contemporaneamente (%n sessioni aperte). Il link e l&apos;accesso restano invariati: potrà riaprire il portale con un link valido.</numerusform>
        </translation>
    </message>
    <message>
        <source>The link %1 has will stop working immediately, every session ends and remembered browsers are forgotten. %1 cannot open the portal until someone invites them again.</source>
        <translation>Il link che ha %1 smetterà di funzionare immediatamente, ogni sessione termina e i browser memorizzati vengono dimenticati. %1 non potrà aprire il portale finché qualcuno non lo inviterà di nuovo.</translation>
    </message>
    <message>
        <source>Regenerate link</source>
        <translation>Rigenera il link</translation>
    </message>
    <message>
        <source>End all sessions</source>
        <translation>Termina tutte le sessioni</translation>
    </message>
    <message>
        <source>Revoke access</source>
        <translation>Revoca l&apos;accesso</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <source>Enter a reason. It is recorded in the audit log so colleagues know why access changed.</source>
        <translation>Inserisci un motivo. Viene registrato nel registro di controllo così i colleghi sanno perché l&apos;accesso è cambiato.</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>Non è stato modificato nulla: %1</translation>
    </message>
    <message>
        <source>Done. The old link no longer works. The new link below is shown only now; it expires on %1.</source>
        <translation>Fatto. Il vecchio link non funziona più. Il nuovo link qui sotto è mostrato solo ora; scade il %1.</translation>
    </message>
    <message numerus="yes">
        <source>Done. %n session(s) ended.</source>
        <translation>
            <numerusform>Fatto. %n sessione terminata.</numerusform>
            <numerusform>Fatto. %n sessioni terminate.</numerusform>
        </translation>
    </message>
    <message>
        <source>Done. %1 no longer has access to the portal.</source>
        <translation>Fatto. %1 non ha più accesso al portale.</translation>
    </message>
    <message>
        <source>Also end &amp;document links</source>
        <translation>Termina anche i link ai &amp;documenti</translation>
    </message>
    <message>
        <source>Also end document links</source>
        <translation>Termina anche i link ai documenti</translation>
    </message>
    <message>
        <source>Links to single documents sent earlier stop working too.</source>
        <translation>Anche i link ai singoli documenti inviati in precedenza smettono di funzionare.</translation>
    </message>
    <message>
        <source>Links to single documents sent earlier keep working.</source>
        <translation>I link ai singoli documenti inviati in precedenza continuano a funzionare.</translation>
    </message>
</context>
<context>
    <name>Gatehouse::SecretStore</name>
    <message>
        <source>No system keychain is available; Gatehouse needs one to keep your sign-in safe. On Linux, install and unlock GNOME Keyring or KWallet, then try again (%1).</source>
        <translation>Nessun portachiavi di sistema disponibile; Gatehouse ne ha bisogno per custodire in sicurezza il tuo accesso. Su Linux installa e sblocca GNOME Keyring o KWallet, poi riprova (%1).</translation>
    </message>
    <message>
        <source>Access to the system keychain was denied. Unlock your keychain and allow Gatehouse to use it, then try again.</source>
        <translation>L&apos;accesso al portachiavi di sistema è stato negato. Sblocca il portachiavi e consenti a Gatehouse di usarlo, poi riprova.</translation>
    </message>
    <message>
        <source>The system keychain failed: %1. Check that it is running and unlocked, then try again.</source>
        <translation>Errore del portachiavi di sistema: %1. Controlla che sia in esecuzione e sbloccato, poi riprova.</translation>
    </message>
</context>
<context>
    <name>Gatehouse::Session</name>
    <message>
        <source>Your sign-in has expired. Please sign in again.</source>
        <translation>Il tuo accesso è scaduto. Accedi di nuovo.</translation>
    </message>
</context>
<context>
    <name>Gatehouse::SignInDialog</name>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Codice:</translation>
    </message>
    <message>
        <source>Forget approved certificate</source>
        <translation>Dimentica il certificato approvato</translation>
    </message>
    <message>
        <source>Sign in to Gatehouse</source>
        <translation>Accedi a Gatehouse</translation>
    </message>
    <message>
        <source>Why you need to sign in</source>
        <translation>Perché devi accedere</translation>
    </message>
    <message>
        <source>https://portal.example.com</source>
        <translation>https://portale.esempio.it</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Indirizzo del server</translation>
    </message>
    <message>
        <source>Managed by your organisation</source>
        <translation>Gestito dalla tua organizzazione</translation>
    </message>
    <message>
        <source>Server address is managed by your organisation</source>
        <translation>L&apos;indirizzo del server è gestito dalla tua organizzazione</translation>
    </message>
    <message>
        <source>Set by IT in %1</source>
        <translation>Impostato dall&apos;IT in %1</translation>
    </message>
    <message>
        <source>you@yourfirm.com</source>
        <translation>tu@tuostudio.it</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Authenticator code</source>
        <translation>Codice dell&apos;app di autenticazione</translation>
    </message>
    <message>
        <source>6 digits from your authenticator app</source>
        <translation>6 cifre dalla tua app di autenticazione</translation>
    </message>
    <message>
        <source>Use when IT has replaced the server&apos;s certificate</source>
        <translation>Da usare quando l&apos;IT ha sostituito il certificato del server</translation>
    </message>
    <message>
        <source>The approval was removed. Sign in again to review the new certificate.</source>
        <translation>L&apos;approvazione è stata rimossa. Accedi di nuovo per esaminare il nuovo certificato.</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>Problema di accesso</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Accedi</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;Email:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Enter the server address with https://, for example https://portal.example.com.</source>
        <translation>Inserisci l&apos;indirizzo del server con https://, per esempio https://portal.example.com.</translation>
    </message>
    <message>
        <source>Use https:// for the server address; plain http:// is only allowed for localhost.</source>
        <translation>Usa https:// per l&apos;indirizzo del server; il semplice http:// è ammesso solo per localhost.</translation>
    </message>
    <message>
        <source>Leave user name and password out of the server address.</source>
        <translation>Non inserire nome utente e password nell&apos;indirizzo del server.</translation>
    </message>
    <message>
        <source>Enter your work email address, for example you@yourfirm.com.</source>
        <translation>Inserisci il tuo indirizzo email di lavoro, per esempio tu@tuostudio.it.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Accesso in corso…</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Inserisci la password.</translation>
    </message>
    <message>
        <source>Enter the 6-digit code from your authenticator app.</source>
        <translation>Inserisci il codice a 6 cifre della tua app di autenticazione.</translation>
    </message>
</context>
<context>
    <name>Gatehouse::TeamDialog</name>
    <message>
        <source>Paralegal</source>
        <translation>Assistente legale</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Amministratore</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Staff members</source>
        <translation>Collaboratori</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Ruolo</translation>
    </message>
    <message>
        <source>Two-factor</source>
        <translation>Due passaggi</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>colleague@yourfirm.com</source>
        <translation>collega@tuostudio.it</translation>
    </message>
    <message>
        <source>New colleague&apos;s email</source>
        <translation>Email del nuovo collega</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nome e cognome</translation>
    </message>
    <message>
        <source>New colleague&apos;s name</source>
        <translation>Nome del nuovo collega</translation>
    </message>
    <message>
        <source>Team message</source>
        <translation>Avviso del team</translation>
    </message>
    <message>
        <source>First password</source>
        <translation>Prima password</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Aggiungi</translation>
    </message>
    <message>
        <source>Change role to</source>
        <translation>Cambia ruolo in</translation>
    </message>
    <message>
        <source>Change &amp;role</source>
        <translation>Cambia &amp;ruolo</translation>
    </message>
    <message>
        <source>&amp;Disable / enable</source>
        <translation>&amp;Disattiva / riattiva</translation>
    </message>
    <message>
        <source>Reset &amp;two-factor</source>
        <translation>Reimposta l&apos;accesso in &amp;due passaggi</translation>
    </message>
    <message>
        <source>Add a colleague:</source>
        <translation>Aggiungi un collega:</translation>
    </message>
    <message>
        <source>The team could not be loaded: %1</source>
        <translation>Impossibile caricare il team: %1</translation>
    </message>
    <message>
        <source>on</source>
        <translation>attivo</translation>
    </message>
    <message>
        <source>off</source>
        <translation>non attivo</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>disattivato</translation>
    </message>
    <message>
        <source>active</source>
        <translation>attivo</translation>
    </message>
    <message>
        <source>Enter the colleague&apos;s work email and full name.</source>
        <translation>Inserisci l&apos;email di lavoro e il nome e cognome del collega.</translation>
    </message>
    <message>
        <source>%1 was not added: %2</source>
        <translation>%1 non è stato aggiunto: %2</translation>
    </message>
    <message>
        <source>%1 was added. Give them this first password privately; it is shown only now.</source>
        <translation>%1 è stato aggiunto. Comunicagli questa prima password in privato; è mostrata solo ora.</translation>
    </message>
    <message>
        <source>%1 was added.</source>
        <translation>%1 è stato aggiunto.</translation>
    </message>
    <message>
        <source>Select a colleague first.</source>
        <translation>Seleziona prima un collega.</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>Ora il ruolo di %1 è: %2.</translation>
    </message>
    <message>
        <source>The role was not changed: %1</source>
        <translation>Il ruolo non è stato cambiato: %1</translation>
    </message>
    <message>
        <source>%1 can no longer sign in.</source>
        <translation>%1 non può più accedere.</translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation>%1 può di nuovo accedere.</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>Non è stato modificato nulla: %1</translation>
    </message>
    <message>
        <source>Two-factor sign-in was reset for %1; they set it up again at their next sign-in.</source>
        <translation>L&apos;accesso in due passaggi di %1 è stato reimpostato; lo configurerà di nuovo al prossimo accesso.</translation>
    </message>
    <message>
        <source>Two-factor sign-in was not reset: %1</source>
        <translation>L&apos;accesso in due passaggi non è stato reimpostato: %1</translation>
    </message>
</context>
<context>
    <name>Gatehouse::TotpEnrolmentDialog</name>
    <message>
        <source>&amp;Turn on</source>
        <translation>&amp;Attiva</translation>
    </message>
    <message>
        <source>Set up two-step sign-in</source>
        <translation>Configura l&apos;accesso in due passaggi</translation>
    </message>
    <message>
        <source>Scan this QR code with an authenticator app on your phone, or type the key into it by hand. Then enter the 6-digit code the app shows.</source>
        <translation>Inquadra questo codice QR con un&apos;app di autenticazione sul telefono, oppure digita la chiave a mano. Poi inserisci il codice a 6 cifre che l&apos;app mostra.</translation>
    </message>
    <message>
        <source>QR code for your authenticator app</source>
        <translation>Codice QR per la tua app di autenticazione</translation>
    </message>
    <message>
        <source>Key for typing in by hand</source>
        <translation>Chiave da digitare a mano</translation>
    </message>
    <message>
        <source>Code from your authenticator app</source>
        <translation>Codice dalla tua app di autenticazione</translation>
    </message>
    <message>
        <source>6 digits</source>
        <translation>6 cifre</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Turn on two-step sign-in</source>
        <translation>Attiva l&apos;accesso in due passaggi</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>C&amp;hiave:</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Codice:</translation>
    </message>
    <message>
        <source>The code is the 6 digits your authenticator app shows right now.</source>
        <translation>Il codice è composto dalle 6 cifre che la tua app di autenticazione mostra in questo momento.</translation>
    </message>
    <message>
        <source>Asking the server for a new key…</source>
        <translation>Richiesta di una nuova chiave al server…</translation>
    </message>
    <message>
        <source>Two-step sign-in is already on for your account. An administrator can reset it if you lost your phone.</source>
        <translation>L&apos;accesso in due passaggi è già attivo per il tuo account. Se hai perso il telefono, un amministratore può reimpostarlo.</translation>
    </message>
    <message>
        <source>Two-step sign-in could not be set up: %1</source>
        <translation>Impossibile configurare l&apos;accesso in due passaggi: %1</translation>
    </message>
    <message>
        <source>The QR code could not be drawn; type the key in by hand.</source>
        <translation>Impossibile disegnare il codice QR; digita la chiave a mano.</translation>
    </message>
    <message>
        <source>Waiting for the code from your app.</source>
        <translation>In attesa del codice dalla tua app.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Verifica in corso…</translation>
    </message>
    <message>
        <source>✔ Two-step sign-in is on. From now on, signing in asks for a code from your app.</source>
        <translation>✔ L&apos;accesso in due passaggi è attivo. D&apos;ora in poi l&apos;accesso richiederà un codice dalla tua app.</translation>
    </message>
    <message>
        <source>✘ That code did not match. Check your phone&apos;s clock and try again.</source>
        <translation>✘ Il codice non corrisponde. Controlla l&apos;ora del telefono e riprova.</translation>
    </message>
    <message>
        <source>The code could not be checked: %1</source>
        <translation>Non è stato possibile verificare il codice: %1</translation>
    </message>
    <message>
        <source>The server did not turn two-step sign-in on. Try again.</source>
        <translation>Il server non ha attivato l&apos;accesso in due passaggi. Riprova.</translation>
    </message>
</context>
<context>
    <name>LocalCache</name>
    <message>
        <source>%1 in the local cache %2 (%3). Check that the folder exists, is writable and has free space; if the file is damaged, delete it and Gatehouse will download everything again.</source>
        <translation>%1 nella cache locale %2 (%3). Controlla che la cartella esista, sia scrivibile e abbia spazio libero; se il file è danneggiato, eliminalo e Gatehouse scaricherà di nuovo tutto.</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>Impossibile aprire il file</translation>
    </message>
    <message>
        <source>Cannot prepare the file</source>
        <translation>Impossibile preparare il file</translation>
    </message>
    <message>
        <source>Cannot read the schema version</source>
        <translation>Impossibile leggere la versione dello schema</translation>
    </message>
    <message>
        <source>Cannot read migration %1</source>
        <translation>Impossibile leggere la migrazione %1</translation>
    </message>
    <message>
        <source>Cannot start upgrading</source>
        <translation>Impossibile avviare l&apos;aggiornamento</translation>
    </message>
    <message>
        <source>Cannot apply migration %1</source>
        <translation>Impossibile applicare la migrazione %1</translation>
    </message>
    <message>
        <source>Cannot finish migration %1</source>
        <translation>Impossibile completare la migrazione %1</translation>
    </message>
    <message>
        <source>Cannot start a transaction</source>
        <translation>Impossibile avviare una transazione</translation>
    </message>
    <message>
        <source>Cannot reset the cache for a new server</source>
        <translation>Impossibile reimpostare la cache per un nuovo server</translation>
    </message>
    <message>
        <source>Cannot save synced clients</source>
        <translation>Impossibile salvare i clienti sincronizzati</translation>
    </message>
    <message>
        <source>Cannot clear</source>
        <translation>Impossibile svuotare</translation>
    </message>
    <message>
        <source>Cannot read clients</source>
        <translation>Impossibile leggere i clienti</translation>
    </message>
    <message>
        <source>Cannot search clients</source>
        <translation>Impossibile cercare i clienti</translation>
    </message>
    <message>
        <source>Cannot save the firm&apos;s name</source>
        <translation>Impossibile salvare il nome dello studio</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Manage access to your firm&apos;s client portal.</source>
        <translation>Gestisci l&apos;accesso al portale clienti del tuo studio.</translation>
    </message>
    <message>
        <source>Preset the server address.</source>
        <translation>Preimposta l&apos;indirizzo del server.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Colours: light, dark or system.</source>
        <translation>Colori: chiaro (light), scuro (dark) o di sistema (system).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOME</translation>
    </message>
    <message>
        <source>Gatehouse cannot start</source>
        <translation>Gatehouse non può avviarsi</translation>
    </message>
</context>
</TS>
