<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>AccessReport</name>
    <message>
        <source>Cannot build the access report (%1). Sign out and in again to rebuild the cache.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditStore</name>
    <message>
        <source>%1 in the local cache (%2). Check free disk space; if the file is damaged, delete it and Gatehouse will download everything again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start a transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event %1 does not link to the event before it (an entry was removed or altered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event %1 was changed after it was recorded (its hash does not match)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save audit events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot count audit events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CertificateTrust</name>
    <message>
        <source>The server at %1 did not present a usable certificate, so the connection is not safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at %1 presented a different certificate from the one you approved earlier. This happens when IT replaces the certificate, but it is also what an attacker intercepting the connection would do, so Gatehouse refuses to connect. Ask IT whether the certificate was changed; they can confirm the new fingerprint %2. To accept it, remove the old approval under Connection → Forget approved certificate and sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted by this computer and was not approved, so Gatehouse did not connect. Check its fingerprint with IT before approving it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientImport</name>
    <message>
        <source>Choose the column that holds the client&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the column that holds the client&apos;s email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the column that holds the matter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name is longer than %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the email address is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the email address is longer than %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a valid email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the matter is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the matter is longer than %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no partner on the team is called “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the same email address is already on line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You were signed out before the import finished.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CsvParser</name>
    <message>
        <source>The file is not UTF-8 text. Save it from your spreadsheet as “CSV UTF-8” and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: a quoted value is never closed. Check that every &quot; has its pair.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentSend</name>
    <message>
        <source>“%1” was not sent: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link to “%1” was emailed to the client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was not sent: %2&apos;s access is revoked, so document links are not mailed. Invite them again first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was not sent: %2 has no email address on file. Add one to the client first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::AccessReportDialog</name>
    <message>
        <source>Access report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matter contains…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to &amp;PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the client&apos;s &amp;trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n client(s), from the local copy synced with the server (works offline); built in %1 ms.</source>
        <translation>
            <numerusform>%n client, from the local copy synced with the server (works offline); built in %1 ms.</numerusform>
            <numerusform>%n clients, from the local copy synced with the server (works offline); built in %1 ms.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export access report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 clients exported to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not signed in)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::AccessReportExport</name>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — client access report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gatehouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partner %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matter containing &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated by %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log: FAILED verification at event %1 (%2); verified up to event %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log verified up to event %1, hash %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the first %1 of %2 clients are listed; export to CSV for all of them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::AccessReportModel</name>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browsers verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::AuditExport</name>
    <message>
        <source>Hash chain: FAILED at event %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash chain verified up to event %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the newest %1 of %2 matching events are listed; export to CSV for all of them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::AuditLogModel</name>
    <message>
        <source>Link issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link checked by a mail scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal session started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal session ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browser verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client invited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link regenerated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Require sign-in changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone confirmation changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone code confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document link emailed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document downloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff sign-in failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff member created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff member updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail could not be delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browser verification ended</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::AuditViewer</name>
    <message>
        <source>&amp;Dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log — Gatehouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by event type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actor email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search addresses, devices, details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by date range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To date (inclusive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash chain status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to &amp;PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only partners and admins can export a PDF report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The full audit log is available to partners and admins. A client&apos;s own events are in the client&apos;s details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ The audit log failed verification at event %1: %2. Events up to %3 are verified. Tell your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Hash chain verified up to event %1 (%2 events synced).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No audit events synced yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event #%1: %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time: %1 (UTC %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actor: %1 %2 (id %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client: %1 (id %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous hash: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 events exported to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export audit report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gatehouse audit report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type at least three characters to search the text.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::BulkInviteDialog</name>
    <message numerus="yes">
        <source>Invite %n client(s)</source>
        <translation>
            <numerusform>Invite %n client</numerusform>
            <numerusform>Invite %n clients</numerusform>
        </translation>
    </message>
    <message>
        <source>Invitation progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invitation results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent; the link works until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n invitation(s) sent.</source>
        <translation>
            <numerusform>%n invitation sent.</numerusform>
            <numerusform>%n invitations sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rate-limited: try those again later.</source>
        <translation>
            <numerusform>%n rate-limited: try it again later.</numerusform>
            <numerusform>%n rate-limited: try those again later.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not sent: see the reason next to each.</source>
        <translation>
            <numerusform>%n not sent: see the reason next to it.</numerusform>
            <numerusform>%n not sent: see the reason next to each.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gatehouse::BulkInviter</name>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate-limited: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled before it was sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::CertificatePrompt</name>
    <message>
        <source>&lt;p&gt;This computer does not recognise the certificate of &lt;b&gt;%1&lt;/b&gt;. That is expected if your firm uses its own certificate; it is also what an attacker would present.&lt;/p&gt;&lt;p&gt;Compare this fingerprint with the one IT gave you, character by character:&lt;/p&gt;&lt;p&gt;&lt;tt&gt;%2&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;Issued to: %3&lt;br&gt;Issued by: %4&lt;br&gt;Valid until: %5&lt;/p&gt;&lt;p&gt;Trust this certificate for this server from now on?&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unrecognised certificate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::ClientActions</name>
    <message>
        <source>The server cannot be reached, so changes are disabled. Gatehouse keeps trying and turns them back on as soon as the server answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not require sign-in for this client: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not stop requiring sign-in for this client: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this client while you were editing, so your change was not saved. The client now shows their version; check it and make your change again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::ClientDetailPane</name>
    <message>
        <source>Require sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm by phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified browsers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Require sign-in for this client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm this client by phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;End session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End &amp;all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browsers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Forget browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget a&amp;ll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ttach…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone confirmation was not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not invited yet: no link exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invited: the link has been sent and not used yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active: last opened the portal %1 from %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unknown device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked: the client cannot open the portal until invited again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired: the link ran out before it was used. Regenerate it to send a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No client selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a client in the list to see their access, sessions and documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · partner: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browsers could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent activity could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session was not ended: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended from the client&apos;s details</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) ended.</source>
        <translation>
            <numerusform>%n session ended.</numerusform>
            <numerusform>%n sessions ended.</numerusform>
        </translation>
    </message>
    <message>
        <source>The sessions were not ended: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a session first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n browser(s) forgotten.</source>
        <translation>
            <numerusform>%n browser forgotten.</numerusform>
            <numerusform>%n browsers forgotten.</numerusform>
        </translation>
    </message>
    <message>
        <source>The browsers were not forgotten: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a browser first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browser forgotten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The browser was not forgotten: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a document first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove “%1”? The client will no longer see it in the portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document was not removed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” attached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was not attached: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email this document to the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail this document&apos;s own link to the client&apos;s email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;mail to client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right-click to email this document&apos;s link to the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::ClientListModel</name>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A link alone is not enough: the client confirms their email first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link alone opens the portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
from %2
on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unknown address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unknown device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open sessions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::CsvImportDialog</name>
    <message>
        <source>No file chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first row holds column names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;all rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import only the &amp;valid rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry the rows not created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import clients from CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Matter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Partner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import all rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import only the valid rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read “%1”. Check that the file exists and is a CSV file under 20 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not in the file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a CSV file with one client per row: name, email, matter and, optionally, the partner&apos;s name or email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has no client rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>All %n row(s) are ready to import. Nothing has been sent yet.</source>
        <translation>
            <numerusform>The %n row is ready to import. Nothing has been sent yet.</numerusform>
            <numerusform>All %n rows are ready to import. Nothing has been sent yet.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 rows have problems (listed above). Nothing has been sent. Fix the file and choose it again, or import only the %3 valid rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Import only the %n &amp;valid row(s)</source>
        <translation>
            <numerusform>Import only the %n &amp;valid row</numerusform>
            <numerusform>Import only the %n &amp;valid rows</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported: every row must be valid before it is sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Created %n client(s) (lines %1). They are in the client list; invite them when you are ready.</source>
        <translation>
            <numerusform>Created %n client (lines %1). They are in the client list; invite them when you are ready.</numerusform>
            <numerusform>Created %n clients (lines %1). They are in the client list; invite them when you are ready.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server refused line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No client was created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created before that: lines %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not created: lines %1. Fix the cause and press “Retry” to send only these.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::DocumentLinkDialog</name>
    <message>
        <source>Document links for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Attached.&lt;/b&gt; Each document has its own link, shown only this once — copy it now if you pass it on yourself, or let Gatehouse email it to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy link to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email it to the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email %1 to the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document link status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emailed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::InviteDialog</name>
    <message>
        <source>Require sign-in: the link alone is not enough</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm by phone: the client reads a code to you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invite %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invite a new client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Estate of J. Smith</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Require sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview of the email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invitation problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Matter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Partner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client will receive:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;The invitation was sent.&lt;/b&gt; Here is the link, shown only this once — copy it now if you need to pass it on another way:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send invitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send invitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the client&apos;s name as they would recognise it, e.g. Maria Rossi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name is too long; keep it under 200 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the client&apos;s email address; the link is sent there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a valid email address. Check it for typos, e.g. maria@example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the matter, so colleagues know what this access is for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[client name]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client was not created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invitation was not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link works once and expires on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview unavailable offline. The invitation is sent from the server&apos;s template once Gatehouse reconnects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview unavailable offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Subject:&lt;/b&gt; %1&lt;/p&gt;&lt;hr&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::MailOutboxDialog</name>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show messages in state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the mail outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages in the mail outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail outbox message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry the selected dead message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only dead messages can be retried: Gatehouse gave up on them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mail outbox…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See the mail the portal has queued, is retrying or gave up on, and retry it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only administrators can see and retry the portal&apos;s mail. Ask an administrator of your firm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your sign-in has ended. Sign in again, then reopen the mail outbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This message is no longer in the outbox. Refresh the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message was not queued again: %1 Someone may have retried it already; refresh the list to see where it stands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message was not queued again: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail outbox could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outbox is empty: no mail has been queued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No messages in this state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Showing the newest %n messages.</source>
        <translation>
            <numerusform>Showing the newest message only.</numerusform>
            <numerusform>Showing the newest %n messages.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s).</source>
        <translation>
            <numerusform>%n message.</numerusform>
            <numerusform>%n messages.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 to %2 — %3, %n attempt(s).</source>
        <translation>
            <numerusform>%1 to %2 — %3, %n attempt.</numerusform>
            <numerusform>%1 to %2 — %3, %n attempts.</numerusform>
        </translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a dead message first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queueing the message again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message to %1 (%2) is queued again with a fresh set of attempts and will be sent within moments. If the mail server still refuses it, it comes back here as Retrying, then Dead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::MailOutboxModel</name>
    <message>
        <source>Invitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New sign-in notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browser confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to a server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gatehouse gave up on this message; IT can retry it once the mail server problem is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::MainWindow</name>
    <message>
        <source>Gatehouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — showing cached data; changes are disabled until the server is reachable. Gatehouse reconnects automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name, email or matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing… %1 records received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Invite…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirm a client&apos;s code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;generate link…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;End all sessions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;voke access…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New client and invite…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out and &amp;clear local data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Gatehouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a client first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1 — %2 clients — synced %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1 — not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(last sync failed: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Gatehouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invite &amp;selected clients…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import clients from CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Team…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only administrators manage the team.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up &amp;two-step sign-in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your sign-in could not be saved in the system keychain (%1). You will need to sign in again next time. Check that your keyring is unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy a report for IT support: versions, settings, cache and recent log lines. It contains no password or token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal server %1 (database schema %2) at %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal server: not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Gatehouse %1&lt;/b&gt;&lt;p&gt;Manage who can open your firm&apos;s client portal.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;Help → Copy diagnostics copies a report for IT support.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostics copied to the clipboard. Paste them into your message to IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No clients to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invite a client…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import from CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No clients have the status “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No clients match “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No clients yet — invite your first client, or import a list from CSV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ttach document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;quire sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop re&amp;quiring sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access &amp;report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colleagues&apos; changes appear as they happen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Polling every %n s</source>
        <translation>
            <numerusform>Polling every %n s</numerusform>
            <numerusform>Polling every %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The live connection to the server is down; the app checks for changes every %n second(s) and reconnects by itself.</source>
        <translation>
            <numerusform>The live connection to the server is down; the app checks for changes every second and reconnects by itself.</numerusform>
            <numerusform>The live connection to the server is down; the app checks for changes every %n seconds and reconnects by itself.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gatehouse::PhoneCodeDialog</name>
    <message>
        <source>&amp;Check code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm %1&apos;s code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask %1 to read out the code shown in their portal, then type it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>digits only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code is 4 to 10 digits; ask the client to read it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Confirmed. The client can now continue in the portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ That code is not right. Ask the client to read it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no code waiting for this client, or it has expired. Ask them to reload the portal page for a new code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong tries: the code is locked. The client must request a new one from the portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code could not be checked: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::PortalClient</name>
    <message>
        <source>Cannot reach the server at %1. Check the address and that the server is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No server address is set. Enter the address of your firm&apos;s Gatehouse server, for example https://portal.example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection to %1 failed: %2. Check the address; if your firm uses its own certificate, ask IT to install it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at %1 answered (HTTP %2), but not like a Gatehouse server. Check that the address points to your firm&apos;s Gatehouse portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s answer about %1 is incomplete. Check that the server runs a Gatehouse version that matches this app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the mail outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the retried message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>two-step sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the new link</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::QrCode</name>
    <message>
        <source>The text is too long for a QR code.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::RelativeTime</name>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 minute ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n minutes ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message>
        <source>1 hour ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n hours ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message>
        <source>1 month ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n months ago</source>
        <translation>
            <numerusform>%n month ago</numerusform>
            <numerusform>%n months ago</numerusform>
        </translation>
    </message>
    <message>
        <source>1 year ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n years ago</source>
        <translation>
            <numerusform>%n year ago</numerusform>
            <numerusform>%n years ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gatehouse::ReportFiles</name>
    <message>
        <source>Could not write %1 (%2). Choose a folder you can write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PDF writer failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::RevokeDialog</name>
    <message>
        <source>&amp;Regenerate the link — send a new one, the old one stops working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;End all sessions — sign the client out everywhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;voke all access — the client can no longer open the portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change access for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why? For example: the client asked; wrong email address; matter closed. Recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New portal link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rea&amp;son (required):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link %1 has will stop working immediately, and anyone signed in with it is signed out. A new link is sent to %2 and shown to you once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 is signed out of the portal on every device at once (%n open session(s)). Their link and access stay as they are; they can open the portal again with a valid link.</source>
        <translation>
            <numerusform>%1 is signed out of the portal on every device at once (%n open session). Their link and access stay as they are; they can open the portal again with a valid link.</numerusform>
            <numerusform>%1 is signed out of the portal on every device at once (%n open sessions). Their link and access stay as they are; they can open the portal again with a valid link.</numerusform>
        </translation>
    </message>
    <message>
        <source>The link %1 has will stop working immediately, every session ends and remembered browsers are forgotten. %1 cannot open the portal until someone invites them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerate link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End all sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a reason. It is recorded in the audit log so colleagues know why access changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done. The old link no longer works. The new link below is shown only now; it expires on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Done. %n session(s) ended.</source>
        <translation>
            <numerusform>Done. %n session ended.</numerusform>
            <numerusform>Done. %n sessions ended.</numerusform>
        </translation>
    </message>
    <message>
        <source>Done. %1 no longer has access to the portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also end &amp;document links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also end document links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links to single documents sent earlier stop working too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links to single documents sent earlier keep working.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::SecretStore</name>
    <message>
        <source>No system keychain is available; Gatehouse needs one to keep your sign-in safe. On Linux, install and unlock GNOME Keyring or KWallet, then try again (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access to the system keychain was denied. Unlock your keychain and allow Gatehouse to use it, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain failed: %1. Check that it is running and unlocked, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::Session</name>
    <message>
        <source>Your sign-in has expired. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::SignInDialog</name>
    <message>
        <source>&amp;Code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget approved certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to Gatehouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why you need to sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://portal.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Managed by your organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address is managed by your organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by IT in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you@yourfirm.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authenticator code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6 digits from your authenticator app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use when IT has replaced the server&apos;s certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The approval was removed. Sign in again to review the new certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server address with https://, for example https://portal.example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use https:// for the server address; plain http:// is only allowed for localhost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave user name and password out of the server address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your work email address, for example you@yourfirm.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the 6-digit code from your authenticator app.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::TeamDialog</name>
    <message>
        <source>Paralegal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-factor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>colleague@yourfirm.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New colleague&apos;s email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New colleague&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change role to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change &amp;role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disable / enable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset &amp;two-factor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a colleague:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The team could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the colleague&apos;s work email and full name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not added: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was added. Give them this first password privately; it is shown only now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a colleague first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The role was not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 can no longer sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-factor sign-in was reset for %1; they set it up again at their next sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-factor sign-in was not reset: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::TotpEnrolmentDialog</name>
    <message>
        <source>&amp;Turn on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up two-step sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan this QR code with an authenticator app on your phone, or type the key into it by hand. Then enter the 6-digit code the app shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code for your authenticator app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key for typing in by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code from your authenticator app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on two-step sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code is the 6 digits your authenticator app shows right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the server for a new key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-step sign-in is already on for your account. An administrator can reset it if you lost your phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-step sign-in could not be set up: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The QR code could not be drawn; type the key in by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the code from your app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Two-step sign-in is on. From now on, signing in asks for a code from your app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ That code did not match. Check your phone&apos;s clock and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code could not be checked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not turn two-step sign-in on. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocalCache</name>
    <message>
        <source>%1 in the local cache %2 (%3). Check that the folder exists, is writable and has free space; if the file is damaged, delete it and Gatehouse will download everything again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot prepare the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the schema version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read migration %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start upgrading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot apply migration %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot finish migration %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start a transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reset the cache for a new server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save synced clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot search clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the firm&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Manage access to your firm&apos;s client portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset the server address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colours: light, dark or system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gatehouse cannot start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
