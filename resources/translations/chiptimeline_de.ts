<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AddEventCommand</name>
    <message>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
</context>
<context>
    <name>AddSourceCommand</name>
    <message>
        <source>Add source “%1”</source>
        <translation>Quelle „%1“ hinzufügen</translation>
    </message>
</context>
<context>
    <name>AppStreamReleases</name>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>a &lt;release&gt; without a version</source>
        <translation>ein &lt;release&gt; ohne Version</translation>
    </message>
    <message>
        <source>release %1: the date “%2” is not YYYY-MM-DD</source>
        <translation>Version %1: das Datum „%2“ ist nicht JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>no &lt;releases&gt; in the metainfo</source>
        <translation>keine &lt;releases&gt; in den Metainfo-Daten</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>BulkEditDialog</name>
    <message>
        <source>Bulk Edit</source>
        <translation>Mehrere bearbeiten</translation>
    </message>
    <message>
        <source>Change the selected event:</source>
        <translation>Das ausgewählte Ereignis ändern:</translation>
    </message>
    <message>
        <source>Change the %1 selected events:</source>
        <translation>Die %1 ausgewählten Ereignisse ändern:</translation>
    </message>
    <message>
        <source>(unchanged)</source>
        <translation>(unverändert)</translation>
    </message>
    <message>
        <source>(no category)</source>
        <translation>(keine Kategorie)</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>durch Kommas getrennt</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Kategorie:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>&amp;Add tags:</source>
        <translation>Schlagwörter &amp;hinzufügen:</translation>
    </message>
    <message>
        <source>&amp;Remove tags:</source>
        <translation>Schlagwörter &amp;entfernen:</translation>
    </message>
</context>
<context>
    <name>CategoryManagerDialog</name>
    <message>
        <source>Manage Categories</source>
        <translation>Kategorien verwalten</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>The key used in files: lower case, digits and dashes</source>
        <translation>Der Schlüssel in Dateien: Kleinbuchstaben, Ziffern und Bindestriche</translation>
    </message>
    <message>
        <source>What the lane is called on screen</source>
        <translation>Wie die Spur auf dem Bildschirm heißt</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Bezeichnung:</translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation>&amp;Farbe:</translation>
    </message>
    <message>
        <source>A name is required.</source>
        <translation>Ein Name ist erforderlich.</translation>
    </message>
    <message>
        <source>Use lower case letters, digits and dashes, e.g. us-export-control.</source>
        <translation>Verwenden Sie Kleinbuchstaben, Ziffern und Bindestriche, z. B. us-export-control.</translation>
    </message>
    <message>
        <source>Another category is already called %1.</source>
        <translation>Eine andere Kategorie heißt bereits %1.</translation>
    </message>
    <message>
        <source>Rename category “%1”</source>
        <translation>Kategorie „%1“ umbenennen</translation>
    </message>
    <message>
        <source>Colour of %1</source>
        <translation>Farbe von %1</translation>
    </message>
    <message>
        <source>Recolour category “%1”</source>
        <translation>Farbe der Kategorie „%1“ ändern</translation>
    </message>
    <message>
        <source>Reorder categories</source>
        <translation>Kategorien umordnen</translation>
    </message>
    <message>
        <source>New category</source>
        <translation>Neue Kategorie</translation>
    </message>
    <message>
        <source>Add category</source>
        <translation>Kategorie hinzufügen</translation>
    </message>
    <message>
        <source>Delete Category</source>
        <translation>Kategorie löschen</translation>
    </message>
    <message>
        <source>“%1” has one event. Move it to:</source>
        <translation>„%1“ hat ein Ereignis. Verschieben nach:</translation>
    </message>
    <message>
        <source>“%1” has %2 events. Move them to:</source>
        <translation>„%1“ hat %2 Ereignisse. Verschieben nach:</translation>
    </message>
    <message>
        <source>(no category)</source>
        <translation>(keine Kategorie)</translation>
    </message>
    <message>
        <source>Move and Delete</source>
        <translation>Verschieben und löschen</translation>
    </message>
    <message>
        <source>German label (optional)</source>
        <translation>Deutsche Bezeichnung (optional)</translation>
    </message>
    <message>
        <source>Deutsch:</source>
        <translation>Deutsch:</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Print JSON instead of text.</source>
        <translation>JSON statt Text ausgeben.</translation>
    </message>
    <message>
        <source>Only events on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).</source>
        <translation>Nur Ereignisse am oder nach DATE (JJJJ, JJJJ-MM oder JJJJ-MM-TT).</translation>
    </message>
    <message>
        <source>Only events on or before DATE.</source>
        <translation>Nur Ereignisse am oder vor DATE.</translation>
    </message>
    <message>
        <source>Only events in category C, its key or its legend name, any case (repeatable).</source>
        <translation>Nur Ereignisse der Kategorie C, ihr Schlüssel oder ihr Name in der Legende, Groß-/Kleinschreibung egal (wiederholbar).</translation>
    </message>
    <message>
        <source>Only events involving actor A, any case (repeatable).</source>
        <translation>Nur Ereignisse mit dem Akteur A, Groß-/Kleinschreibung egal (wiederholbar).</translation>
    </message>
    <message>
        <source>Only events about chip X, any case (repeatable).</source>
        <translation>Nur Ereignisse zum Chip X, Groß-/Kleinschreibung egal (wiederholbar).</translation>
    </message>
    <message>
        <source>Only events with status S (repeatable).</source>
        <translation>Nur Ereignisse mit dem Status S (wiederholbar).</translation>
    </message>
    <message>
        <source>Only events matching the full-text query TEXT.</source>
        <translation>Nur Ereignisse, die zur Volltextsuche TEXT passen.</translation>
    </message>
    <message>
        <source>Write to FILE.</source>
        <translation>In FILE schreiben.</translation>
    </message>
    <message>
        <source>File format.</source>
        <translation>Dateiformat.</translation>
    </message>
    <message>
        <source>On records already present: skip, update or keep-both.</source>
        <translation>Bei bereits vorhandenen Einträgen: skip (überspringen), update (aktualisieren) oder keep-both (beide behalten).</translation>
    </message>
    <message>
        <source>Only count what the import would add, update or skip.</source>
        <translation>Nur zählen, was der Import hinzufügen, aktualisieren oder überspringen würde.</translation>
    </message>
    <message>
        <source>Open the database read-only: reading works, changing is refused.</source>
        <translation>Die Datenbank schreibgeschützt öffnen: Lesen geht, Ändern wird abgelehnt.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>Speak LANG (de or en) instead of the system&apos;s language; export draws the figure in it.</source>
        <translation>In der Sprache LANG (de oder en) statt der Systemsprache sprechen; export zeichnet die Abbildung in ihr.</translation>
    </message>
    <message>
        <source>--from %1 is after --to %2</source>
        <translation>--from %1 liegt nach --to %2</translation>
    </message>
    <message>
        <source>--status: &apos;%1&apos; is not one of confirmed, reported, disputed</source>
        <translation>--status: „%1“ ist keiner von confirmed, reported, disputed</translation>
    </message>
    <message>
        <source>--%1 &apos;%2&apos; matches no %3</source>
        <translation>--%1 „%2“ passt zu keinem Eintrag (%3)</translation>
    </message>
    <message>
        <source>%1; the database has no %2</source>
        <translation>%1; die Datenbank hat keine (%2)</translation>
    </message>
    <message>
        <source>%1; closest: %2</source>
        <translation>%1; am ähnlichsten: %2</translation>
    </message>
    <message>
        <source>Usage:
  chiptimeline [--db PATH] [--lang de|en]    open the window
  chiptimeline [--db PATH] list [--json] [filters]
  chiptimeline [--db PATH] search QUERY [--json] [filters]
  chiptimeline [--db PATH] import FILE... [--format F] [--policy skip|update|keep-both] [--dry-run]
  chiptimeline [--db PATH] export-data --out FILE [--format F] [filters]
</source>
        <translation>Aufruf:
  chiptimeline [--db PATH] [--lang de|en]    das Fenster öffnen
  chiptimeline [--db PATH] list [--json] [Filter]
  chiptimeline [--db PATH] search QUERY [--json] [Filter]
  chiptimeline [--db PATH] import FILE... [--format F] [--policy skip|update|keep-both] [--dry-run]
  chiptimeline [--db PATH] export-data --out FILE [--format F] [Filter]
</translation>
    </message>
    <message>
        <source>export-data formats: </source>
        <translation>Formate für export-data: </translation>
    </message>
    <message>
        <source>unknown language %1; available: %2</source>
        <translation>unbekannte Sprache %1; verfügbar: %2</translation>
    </message>
    <message>
        <source>--%1 needs a command</source>
        <translation>--%1 braucht einen Befehl</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>unbekannter Befehl „%1“</translation>
    </message>
    <message>
        <source>%1: the option --%2 does not apply</source>
        <translation>%1: die Option --%2 gilt hier nicht</translation>
    </message>
    <message>
        <source>reproduce: give exactly one FIGURE (a PNG, SVG or PDF)</source>
        <translation>reproduce: geben Sie genau eine FIGURE an (PNG, SVG oder PDF)</translation>
    </message>
    <message>
        <source>reproduce: --out FILE is required</source>
        <translation>reproduce: --out FILE ist erforderlich</translation>
    </message>
    <message>
        <source>search: give exactly one QUERY (quote it if it has spaces)</source>
        <translation>search: geben Sie genau eine QUERY an (in Anführungszeichen, wenn sie Leerzeichen enthält)</translation>
    </message>
    <message>
        <source>%1: unexpected argument &apos;%2&apos;</source>
        <translation>%1: unerwartetes Argument „%2“</translation>
    </message>
    <message>
        <source>--policy: &apos;%1&apos; is not one of skip, update, keep-both</source>
        <translation>--policy: „%1“ ist keiner von skip, update, keep-both</translation>
    </message>
    <message>
        <source>Use the database file PATH (or the PostgreSQL server postgresql://…, service=NAME) instead of the default.</source>
        <translation>Die Datenbankdatei PATH (oder den PostgreSQL-Server postgresql://…, service=NAME) statt der Standarddatenbank verwenden.</translation>
    </message>
    <message>
        <source>  chiptimeline [--db PATH] reproduce FIGURE --out FILE   redraw a figure from its record
  chiptimeline [--db PATH] chain EVENT-UID [--json]   the events it answers and that answer it
  chiptimeline [--db PATH] check [--json]    SQLite&apos;s integrity check, then dataset health
  chiptimeline --db PATH init                create the timeline&apos;s schema (a server&apos;s empty database)
  chiptimeline copy --from PATH --to PATH    the whole timeline into an empty one (file or server)

--read-only opens the database without changing it (the window then disables editing).
--as-of rN|DATE-TIME (list, search, export, export-data; filters apply): the timeline as it
stood at revision N or at a UTC date-time (2025-09-01T12:00); before the first revision, in the
future or unknown: exit 2.
PATH is a timeline file or a PostgreSQL server: postgresql://user@host:5432/dbname,
postgres://…, or service=NAME (docs/team.md).
--lang de|en speaks German or English instead of the system&apos;s language (LANGUAGE, LANG).

Filters: --from DATE --to DATE --category C... --actor A... --chip X... --status S... --query TEXT
DATE is YYYY, YYYY-MM or YYYY-MM-DD. C is a category&apos;s key or its name in the legend
(china-policy or &quot;China policy&quot;); C, A and X match in any case (--chip h20). A value that
names nothing fails (exit 1) with the closest names. Repeated, a filter matches any value.
Exit status: 0 success, 1 failure, 2 usage error.
import formats: </source>
        <translation>  chiptimeline [--db PATH] reproduce FIGURE --out FILE   eine Abbildung nach ihrem Protokoll neu zeichnen
  chiptimeline [--db PATH] chain EVENT-UID [--json]   die Ereignisse, auf die es antwortet und die darauf antworten
  chiptimeline [--db PATH] check [--json]    Integritätsprüfung von SQLite, dann Prüfung des Datenbestands
  chiptimeline --db PATH init                das Schema der Zeitleiste anlegen (in der leeren Datenbank eines Servers)
  chiptimeline copy --from PATH --to PATH    die ganze Zeitleiste in eine leere kopieren (Datei oder Server)

--read-only öffnet die Datenbank, ohne sie zu ändern (das Fenster schaltet dann das Bearbeiten ab).
--as-of rN|DATE-TIME (list, search, export, export-data; Filter gelten): die Zeitleiste, wie sie
bei Revision N oder zu einem UTC-Zeitpunkt (2025-09-01T12:00) war; vor der ersten Revision, in
der Zukunft oder unbekannt: Status 2.
PATH ist eine Zeitleistendatei oder ein PostgreSQL-Server: postgresql://user@host:5432/dbname,
postgres://…, oder service=NAME (docs/team.md).
--lang de|en spricht Deutsch oder Englisch statt der Systemsprache (LANGUAGE, LANG).

Filter: --from DATE --to DATE --category C... --actor A... --chip X... --status S... --query TEXT
DATE ist JJJJ, JJJJ-MM oder JJJJ-MM-TT. C ist der Schlüssel einer Kategorie oder ihr Name in der
Legende (china-policy oder &quot;China policy&quot;); C, A und X passen in beliebiger Schreibung (--chip h20).
Ein Wert, der nichts benennt, scheitert (Status 1) mit den ähnlichsten Namen. Wiederholt passt
ein Filter zu jedem seiner Werte.
Exit-Status: 0 Erfolg, 1 Fehler, 2 falscher Aufruf.
Importformate: </translation>
    </message>
    <message>
        <source>  chiptimeline [--db PATH] changes --since rN|DATE-TIME [--json]   what was added, changed or deleted since
</source>
        <translation>  chiptimeline [--db PATH] changes --since rN|DATE-TIME [--json]   was seitdem hinzugefügt, geändert oder gelöscht wurde
</translation>
    </message>
    <message>
        <source>changes: --since rN|DATE-TIME is required</source>
        <translation>changes: --since rN|DATE-TIME ist erforderlich</translation>
    </message>
    <message>
        <source>  chiptimeline [--db PATH] export --out FILE [--format png|svg|pdf] [filters]
               [--size WxH|slide|a4|a4-portrait|letter|letter-portrait] [--scale N]
               [--title T] [--subtitle S] [--theme light|dark|print]
               [--lanes category|actor|chip|none] [--notes full|short|none]
               [--date-labels on|off] [--dpi N] [--no-footer] [--chain EVENT-UID]
</source>
        <translation>  chiptimeline [--db PATH] export --out FILE [--format png|svg|pdf] [Filter]
               [--size WxH|slide|a4|a4-portrait|letter|letter-portrait] [--scale N]
               [--title T] [--subtitle S] [--theme light|dark|print]
               [--lanes category|actor|chip|none] [--notes full|short|none]
               [--date-labels on|off] [--dpi N] [--no-footer] [--chain EVENT-UID]
</translation>
    </message>
</context>
<context>
    <name>Confirmations</name>
    <message>
        <source>Discard changes?</source>
        <translation>Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>The changes to %1 have not been saved. Discard them?</source>
        <translation>Die Änderungen an %1 wurden nicht gespeichert. Verwerfen?</translation>
    </message>
    <message>
        <source>&amp;Discard Changes</source>
        <translation>Änderungen &amp;verwerfen</translation>
    </message>
    <message>
        <source>&amp;Keep Editing</source>
        <translation>&amp;Weiter bearbeiten</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>Datei ersetzen?</translation>
    </message>
    <message>
        <source>“%1” already exists in %2. Replace it?</source>
        <translation>„%1“ existiert bereits in %2. Ersetzen?</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Ersetzen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the import?</source>
        <translation>Import abbrechen?</translation>
    </message>
    <message>
        <source>An import is being written. Stop it? Nothing of it is kept.</source>
        <translation>Ein Import wird geschrieben. Abbrechen? Davon wird nichts behalten.</translation>
    </message>
    <message>
        <source>&amp;Stop Import</source>
        <translation>Import &amp;abbrechen</translation>
    </message>
    <message>
        <source>&amp;Continue Importing</source>
        <translation>Import &amp;fortsetzen</translation>
    </message>
</context>
<context>
    <name>DatabaseSafety</name>
    <message>
        <source>Nothing is shown or changed. No good backup was found.</source>
        <translation>Nichts wird angezeigt oder geändert. Es wurde keine intakte Sicherung gefunden.</translation>
    </message>
    <message>
        <source>Nothing is shown or changed. The newest good backup is %1: use File → Restore From Backup….</source>
        <translation>Nichts wird angezeigt oder geändert. Die neueste intakte Sicherung ist %1: verwenden Sie Datei → Aus Sicherung wiederherstellen….</translation>
    </message>
    <message>
        <source>Read-only (%1): browsing, searching and exporting work; editing is off.</source>
        <translation>Schreibgeschützt (%1): Blättern, Suchen und Exportieren gehen; Bearbeiten ist aus.</translation>
    </message>
    <message>
        <source>Restore From Backup</source>
        <translation>Aus Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>There is no backup of %1 yet (backups are kept in %2).</source>
        <translation>Von %1 gibt es noch keine Sicherung (Sicherungen liegen in %2).</translation>
    </message>
    <message>
        <source>Backup to restore:</source>
        <translation>Wiederherzustellende Sicherung:</translation>
    </message>
    <message>
        <source>Replace the database by the backup of %1? Changes made since are lost; the current file is kept as %2.</source>
        <translation>Die Datenbank durch die Sicherung vom %1 ersetzen? Seitdem gemachte Änderungen gehen verloren; die aktuelle Datei wird als %2 behalten.</translation>
    </message>
    <message>
        <source>Cannot restore the backup</source>
        <translation>Die Sicherung kann nicht wiederhergestellt werden</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>Die Datenbank kann nicht geöffnet werden</translation>
    </message>
</context>
<context>
    <name>DeleteCategoryCommand</name>
    <message>
        <source>Delete category “%1”</source>
        <translation>Kategorie „%1“ löschen</translation>
    </message>
</context>
<context>
    <name>DeleteEventsCommand</name>
    <message>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
</context>
<context>
    <name>DeleteSourceCommand</name>
    <message>
        <source>Delete source “%1”</source>
        <translation>Quelle „%1“ löschen</translation>
    </message>
</context>
<context>
    <name>DuplicateEventCommand</name>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>Duplicate %1</source>
        <translation>%1 duplizieren</translation>
    </message>
</context>
<context>
    <name>EditCommands</name>
    <message numerus="yes">
        <source>Delete %n events</source>
        <translation>
            <numerusform>%n Ereignis löschen</numerusform>
            <numerusform>%n Ereignisse löschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Edit %n events</source>
        <translation>
            <numerusform>%n Ereignis bearbeiten</numerusform>
            <numerusform>%n Ereignisse bearbeiten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditEventCommand</name>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
</context>
<context>
    <name>EditSourceCommand</name>
    <message>
        <source>Edit source “%1”</source>
        <translation>Quelle „%1“ bearbeiten</translation>
    </message>
</context>
<context>
    <name>EditingController</name>
    <message>
        <source>&amp;New Event…</source>
        <translation>&amp;Neues Ereignis…</translation>
    </message>
    <message>
        <source>&amp;Edit Event…</source>
        <translation>Ereignis &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>D&amp;uplicate Event</source>
        <translation>Ereignis d&amp;uplizieren</translation>
    </message>
    <message>
        <source>&amp;Delete Event…</source>
        <translation>Ereignis &amp;löschen…</translation>
    </message>
    <message>
        <source>&amp;Merge Selected…</source>
        <translation>Ausgewählte &amp;zusammenführen…</translation>
    </message>
    <message>
        <source>&amp;Bulk Edit…</source>
        <translation>&amp;Mehrere bearbeiten…</translation>
    </message>
    <message>
        <source>New &amp;Source…</source>
        <translation>Neue &amp;Quelle…</translation>
    </message>
    <message>
        <source>Manage &amp;Categories…</source>
        <translation>&amp;Kategorien verwalten…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Undo &amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation>Schreibgeschützt: %1</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>%1 &amp;rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>%1 &amp;wiederholen</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>The database is read-only (%1); nothing was changed.</source>
        <translation>Die Datenbank ist schreibgeschützt (%1); nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Delete %1 (%2)?</source>
        <translation>%1 (%2) löschen?</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n events?</source>
        <translation>
            <numerusform>%n Ereignis löschen?</numerusform>
            <numerusform>%n Ereignisse löschen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Event</source>
        <translation>Ereignis löschen</translation>
    </message>
    <message>
        <source>Its links to sources go with it. Undo (Ctrl+Z) brings it back.</source>
        <translation>Seine Verknüpfungen zu Quellen werden mitgelöscht. Rückgängig (Strg+Z) holt es zurück.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Merge Events</source>
        <translation>Ereignisse zusammenführen</translation>
    </message>
    <message>
        <source>Actors, chips, tags and sources of both are kept; the other event is deleted. Undo brings both back.</source>
        <translation>Akteure, Chips, Schlagwörter und Quellen beider bleiben erhalten; das andere Ereignis wird gelöscht. Rückgängig holt beide zurück.</translation>
    </message>
    <message>
        <source>Merge %1 with:</source>
        <translation>%1 zusammenführen mit:</translation>
    </message>
    <message>
        <source>Keep title, dates and description of:</source>
        <translation>Titel, Daten und Beschreibung behalten von:</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
    <message>
        <source>Undo History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;geöffnet&gt;</translation>
    </message>
    <message>
        <source>Change the dates of %1</source>
        <translation>Daten von %1 ändern</translation>
    </message>
    <message>
        <source>&amp;Link Events…</source>
        <translation>Ereignisse &amp;verknüpfen…</translation>
    </message>
    <message>
        <source>Its links to sources and its relation to another event go with it. Undo (Ctrl+Z) brings them back.</source>
        <translation>Seine Verknüpfungen zu Quellen und seine Beziehung zu einem anderen Ereignis werden mitgelöscht. Rückgängig (Strg+Z) holt sie zurück.</translation>
    </message>
    <message numerus="yes">
        <source>Its links to sources and %n relations to other events go with it. Undo (Ctrl+Z) brings them back.</source>
        <translation>
            <numerusform>Seine Verknüpfungen zu Quellen und seine %n Beziehung zu anderen Ereignissen werden mitgelöscht. Rückgängig (Strg+Z) holt sie zurück.</numerusform>
            <numerusform>Seine Verknüpfungen zu Quellen und seine %n Beziehungen zu anderen Ereignissen werden mitgelöscht. Rückgängig (Strg+Z) holt sie zurück.</numerusform>
        </translation>
    </message>
    <message>
        <source>Change &amp;Note…</source>
        <translation>Änderungs&amp;notiz…</translation>
    </message>
    <message>
        <source>Change Note</source>
        <translation>Änderungsnotiz</translation>
    </message>
    <message>
        <source>Why (recorded in the history with your next change):</source>
        <translation>Warum (mit Ihrer nächsten Änderung in der Historie vermerkt):</translation>
    </message>
    <message>
        <source>The event did not exist after r%1: nothing to restore</source>
        <translation>Das Ereignis bestand nach r%1 nicht: nichts wiederherzustellen</translation>
    </message>
    <message>
        <source>restored as of r%1</source>
        <translation>wiederhergestellt auf Stand r%1</translation>
    </message>
    <message>
        <source>Restore “%1” as of r%2</source>
        <translation>„%1“ auf Stand r%2 wiederherstellen</translation>
    </message>
</context>
<context>
    <name>EventDetailsView</name>
    <message>
        <source>Event details</source>
        <translation>Ereignisdetails</translation>
    </message>
    <message>
        <source>Select an event on the timeline to see its details and sources.</source>
        <translation>Wählen Sie ein Ereignis auf der Zeitleiste aus, um seine Details und Quellen zu sehen.</translation>
    </message>
    <message>
        <source>Actors:</source>
        <translation>Akteure:</translation>
    </message>
    <message>
        <source>Chips:</source>
        <translation>Chips:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Schlagwörter:</translation>
    </message>
    <message>
        <source>Sources (%1)</source>
        <translation>Quellen (%1)</translation>
    </message>
    <message>
        <source>No source reports this event yet.</source>
        <translation>Noch keine Quelle berichtet über dieses Ereignis.</translation>
    </message>
    <message>
        <source>No address recorded for this source.</source>
        <translation>Für diese Quelle ist keine Adresse erfasst.</translation>
    </message>
    <message>
        <source>[image not shown: %1]</source>
        <translation>[Bild nicht angezeigt: %1]</translation>
    </message>
    <message>
        <source>Link not opened: %1</source>
        <translation>Link nicht geöffnet: %1</translation>
    </message>
    <message>
        <source>In force %1 – %2, %3 “%4”</source>
        <translation>In Kraft %1 – %2, %3 „%4“</translation>
    </message>
    <message>
        <source>Relations (%1)</source>
        <translation>Beziehungen (%1)</translation>
    </message>
    <message>
        <source>No source supports this relation yet.</source>
        <translation>Noch keine Quelle belegt diese Beziehung.</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>EventEditorDialog</name>
    <message>
        <source>New Event</source>
        <translation>Neues Ereignis</translation>
    </message>
    <message>
        <source>Edit Event</source>
        <translation>Ereignis bearbeiten</translation>
    </message>
    <message>
        <source>What happened, in one line</source>
        <translation>Was geschah, in einer Zeile</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>e.g. 15.08.2025, Aug 2025 or 2025</source>
        <translation>z. B. 15.08.2025, Aug. 2025 oder 2025</translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <translation>&amp;Beginn:</translation>
    </message>
    <message>
        <source>&amp;End:</source>
        <translation>&amp;Ende:</translation>
    </message>
    <message>
        <source>empty for a single date</source>
        <translation>leer für ein einzelnes Datum</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>Gering</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>St&amp;atus:</source>
        <translation>St&amp;atus:</translation>
    </message>
    <message>
        <source>&amp;Importance:</source>
        <translation>&amp;Bedeutung:</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Kategorie:</translation>
    </message>
    <message>
        <source>comma-separated, e.g. Nvidia, US Commerce</source>
        <translation>durch Kommas getrennt, z. B. Nvidia, US Commerce</translation>
    </message>
    <message>
        <source>comma-separated, e.g. H20</source>
        <translation>durch Kommas getrennt, z. B. H20</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Ac&amp;tors:</source>
        <translation>Ak&amp;teure:</translation>
    </message>
    <message>
        <source>C&amp;hips:</source>
        <translation>C&amp;hips:</translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation>Schlag&amp;wörter:</translation>
    </message>
    <message>
        <source>Markdown: **bold**, *italic*, [link](https://…)</source>
        <translation>Markdown: **fett**, *kursiv*, [Link](https://…)</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>Beschrei&amp;bung:</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Supporting quote</source>
        <translation>Belegendes Zitat</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Fundstelle</translation>
    </message>
    <message>
        <source>Find a source to link…</source>
        <translation>Eine Quelle zum Verknüpfen suchen…</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>&amp;Verknüpfen</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>Sou&amp;rces:</source>
        <translation>&amp;Quellen:</translation>
    </message>
    <message>
        <source>this event</source>
        <translation>dieses Ereignis</translation>
    </message>
    <message>
        <source>A title is required.</source>
        <translation>Ein Titel ist erforderlich.</translation>
    </message>
    <message>
        <source>A start date is required.</source>
        <translation>Ein Anfangsdatum ist erforderlich.</translation>
    </message>
    <message>
        <source>The end (%1) is before the start (%2).</source>
        <translation>Das Ende (%1) liegt vor dem Beginn (%2).</translation>
    </message>
    <message>
        <source>The supporting passage, in the source&apos;s language</source>
        <translation>Die belegende Passage, in der Sprache der Quelle</translation>
    </message>
    <message>
        <source>Where in the source: para. 3, p. 12, …</source>
        <translation>Wo in der Quelle: Abs. 3, S. 12, …</translation>
    </message>
    <message>
        <source>German title (optional)</source>
        <translation>Deutscher Titel (optional)</translation>
    </message>
    <message>
        <source>Shown instead of the title in German windows and figures</source>
        <translation>Wird in deutschen Fenstern und Abbildungen statt des Titels gezeigt</translation>
    </message>
    <message>
        <source>German description (optional)</source>
        <translation>Deutsche Beschreibung (optional)</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <source>Deutsch</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>Deutsch:</source>
        <translation>Deutsch:</translation>
    </message>
    <message>
        <source>&amp;Link Events…</source>
        <translation>Ereignisse &amp;verknüpfen…</translation>
    </message>
    <message>
        <source>Relate this event to another: responds to, amends, replaces, rescinds…</source>
        <translation>Dieses Ereignis mit einem anderen verknüpfen: reagiert auf, ändert, ersetzt, hebt auf…</translation>
    </message>
    <message>
        <source>Optional, e.g. date corrected per the BIS press release</source>
        <translation>Optional, z. B. Datum laut BIS-Pressemitteilung korrigiert</translation>
    </message>
    <message>
        <source>Recorded with this change in the timeline&apos;s history</source>
        <translation>Wird mit dieser Änderung in der Historie der Zeitleiste vermerkt</translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation>&amp;Warum:</translation>
    </message>
</context>
<context>
    <name>EventStatus</name>
    <message>
        <source>Confirmed</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Berichtet</translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation>Umstritten</translation>
    </message>
    <message>
        <source>stated officially or by several independent reports.</source>
        <translation>offiziell erklärt oder von mehreren unabhängigen Berichten gestützt.</translation>
    </message>
    <message>
        <source>one outlet or unnamed sources; not independently confirmed.</source>
        <translation>ein Medium oder ungenannte Quellen; nicht unabhängig bestätigt.</translation>
    </message>
    <message>
        <source>contradicted by another source.</source>
        <translation>von einer anderen Quelle bestritten.</translation>
    </message>
</context>
<context>
    <name>EventTableModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
</context>
<context>
    <name>ExportImageDialog</name>
    <message>
        <source>Export Image</source>
        <translation>Bild exportieren</translation>
    </message>
    <message>
        <source>Current view</source>
        <translation>Aktuelle Ansicht</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Alle Ereignisse</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>from YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>von JJJJ, JJJJ-MM oder JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>&amp;Bereich:</translation>
    </message>
    <message>
        <source>e.g. US export controls on AI chips, 2022–2025</source>
        <translation>z. B. US-Exportkontrollen für KI-Chips, 2022–2025</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>S&amp;ubtitle:</source>
        <translation>&amp;Untertitel:</translation>
    </message>
    <message>
        <source>Slide (1920 × 1080)</source>
        <translation>Folie (1920 × 1080)</translation>
    </message>
    <message>
        <source>A4 landscape</source>
        <translation>A4 quer</translation>
    </message>
    <message>
        <source>A4 portrait</source>
        <translation>A4 hoch</translation>
    </message>
    <message>
        <source>Letter landscape</source>
        <translation>Letter quer</translation>
    </message>
    <message>
        <source>Letter portrait</source>
        <translation>Letter hoch</translation>
    </message>
    <message>
        <source>Custom pixels</source>
        <translation>Eigene Pixelgröße</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Si&amp;ze:</source>
        <translation>&amp;Größe:</translation>
    </message>
    <message>
        <source>Auto (300 dpi for paper)</source>
        <translation>Automatisch (300 dpi für Papier)</translation>
    </message>
    <message>
        <source>PNG only: device pixels per pixel of the figure</source>
        <translation>Nur PNG: Gerätepixel je Pixel der Abbildung</translation>
    </message>
    <message>
        <source>PNG s&amp;cale:</source>
        <translation>PNG-&amp;Skalierung:</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Print (greyscale-safe)</source>
        <translation>Druck (graustufentauglich)</translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>Nach Kategorie</translation>
    </message>
    <message>
        <source>By actor</source>
        <translation>Nach Akteur</translation>
    </message>
    <message>
        <source>By chip</source>
        <translation>Nach Chip</translation>
    </message>
    <message>
        <source>One lane</source>
        <translation>Eine Spur</translation>
    </message>
    <message>
        <source>&amp;Lanes:</source>
        <translation>&amp;Spuren:</translation>
    </message>
    <message>
        <source>Full (outlet, title, date, address)</source>
        <translation>Vollständig (Medium, Titel, Datum, Adresse)</translation>
    </message>
    <message>
        <source>Short (outlet, title, date)</source>
        <translation>Kurz (Medium, Titel, Datum)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Numbered source notes under the timeline; in PDF and SVG every address is a link</source>
        <translation>Nummerierte Quellenangaben unter der Zeitleiste; in PDF und SVG ist jede Adresse ein Link</translation>
    </message>
    <message>
        <source>Source &amp;notes:</source>
        <translation>Quellen&amp;angaben:</translation>
    </message>
    <message>
        <source>Attribution &amp;line at the foot</source>
        <translation>&amp;Herkunftszeile am Fuß</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>&amp;Copy Image to Clipboard</source>
        <translation>Bild in die Zwischenablage &amp;kopieren</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: %2</source>
        <translation>„%1“: %2</translation>
    </message>
    <message>
        <source>%1 × %2 pixels, %3 dpi</source>
        <translation>%1 × %2 Pixel, %3 dpi</translation>
    </message>
    <message>
        <source>%1 × %2 mm</source>
        <translation>%1 × %2 mm</translation>
    </message>
    <message>
        <source>1 event</source>
        <translation>1 Ereignis</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1 Ereignisse</translation>
    </message>
    <message>
        <source>1 source</source>
        <translation>1 Quelle</translation>
    </message>
    <message>
        <source>%1 sources</source>
        <translation>%1 Quellen</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 Seite</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 Seiten</translation>
    </message>
    <message>
        <source>Taller than the size asked for, to fit all source notes (a PDF keeps the page size and continues them on further pages).</source>
        <translation>Höher als die gewählte Größe, damit alle Quellenangaben passen (ein PDF behält die Seitengröße und setzt sie auf weiteren Seiten fort).</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg);;PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>%1 wird exportiert…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Copy Image</source>
        <translation>Bild kopieren</translation>
    </message>
    <message>
        <source>&amp;Date before each label (“12 Aug 2025 — …”)</source>
        <translation>&amp;Datum vor jeder Beschriftung („12. Aug. 2025 – …“)</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>Spr&amp;ache:</translation>
    </message>
    <message>
        <source>The selected event&apos;s lineage: the events it answers and that answer it, with the relations drawn as arcs and their sources in the notes</source>
        <translation>Die Entwicklungslinie des ausgewählten Ereignisses: die Ereignisse, auf die es antwortet und die darauf antworten, mit den Beziehungen als Bögen und ihren Quellen in den Anmerkungen</translation>
    </message>
    <message>
        <source>&amp;Only the chain of “%1”</source>
        <translation>&amp;Nur die Kette von „%1“</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search events and sources (Ctrl+F)</source>
        <translation>Ereignisse und Quellen durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Add a filter</source>
        <translation>Einen Filter hinzufügen</translation>
    </message>
    <message>
        <source>Hide non-matching</source>
        <translation>Nicht passende ausblenden</translation>
    </message>
    <message>
        <source>Checked: events that do not match are hidden.
Unchecked: they stay on the timeline, dimmed.</source>
        <translation>Aktiviert: Ereignisse, die nicht passen, werden ausgeblendet.
Deaktiviert: Sie bleiben abgeblendet auf der Zeitleiste.</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>%1 of %2 events</source>
        <translation>%1 von %2 Ereignissen</translation>
    </message>
    <message>
        <source>1 event</source>
        <translation>1 Ereignis</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1 Ereignisse</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Actor…</source>
        <translation>Akteur…</translation>
    </message>
    <message>
        <source>Chip…</source>
        <translation>Chip…</translation>
    </message>
    <message>
        <source>Tag…</source>
        <translation>Schlagwort…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>From date…</source>
        <translation>Ab Datum…</translation>
    </message>
    <message>
        <source>To date…</source>
        <translation>Bis Datum…</translation>
    </message>
    <message>
        <source>Has sources</source>
        <translation>Hat Quellen</translation>
    </message>
    <message>
        <source>With sources</source>
        <translation>Mit Quellen</translation>
    </message>
    <message>
        <source>Without sources</source>
        <translation>Ohne Quellen</translation>
    </message>
    <message>
        <source>Paste filter text…</source>
        <translation>Filtertext einfügen…</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>Alle entfernen</translation>
    </message>
    <message>
        <source>Filter text:</source>
        <translation>Filtertext:</translation>
    </message>
    <message>
        <source>Not a date: YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>Kein Datum: JJJJ, JJJJ-MM oder JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>Remove this filter</source>
        <translation>Diesen Filter entfernen</translation>
    </message>
    <message>
        <source>Remove filter %1</source>
        <translation>Filter %1 entfernen</translation>
    </message>
</context>
<context>
    <name>FilterText</name>
    <message>
        <source>unknown field &quot;%1&quot; (q, category, actor, chip, tag, status, from, to, sources)</source>
        <translation>unbekanntes Feld „%1“ (q, category, actor, chip, tag, status, from, to, sources)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs a value</source>
        <translation>„%1“ braucht einen Wert</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is given twice</source>
        <translation>„%1“ ist doppelt angegeben</translation>
    </message>
    <message>
        <source>unknown status &quot;%1&quot; (confirmed, reported, disputed)</source>
        <translation>unbekannter Status „%1“ (confirmed, reported, disputed)</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2 (YYYY, YYYY-MM or YYYY-MM-DD)</source>
        <translation>„%1“: %2 (JJJJ, JJJJ-MM oder JJJJ-MM-TT)</translation>
    </message>
    <message>
        <source>not a date</source>
        <translation>kein Datum</translation>
    </message>
    <message>
        <source>sources is yes or no, not &quot;%1&quot;</source>
        <translation>sources ist yes oder no, nicht „%1“</translation>
    </message>
    <message>
        <source>search words are given both with q: and without</source>
        <translation>Suchwörter sind sowohl mit q: als auch ohne angegeben</translation>
    </message>
</context>
<context>
    <name>FilterText::Error</name>
    <message>
        <source>column %1: %2</source>
        <translation>Spalte %1: %2</translation>
    </message>
</context>
<context>
    <name>HealthDialog</name>
    <message>
        <source>Dataset Health</source>
        <translation>Datenbestand prüfen</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;font-size:large&apos;&gt;&lt;b&gt;No problems found&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Every event cites a source with an address, every source is cited, and every date fits its sources.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:large&apos;&gt;&lt;b&gt;Keine Probleme gefunden&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Jedes Ereignis nennt eine Quelle mit Adresse, jede Quelle wird zitiert, und jedes Datum passt zu seinen Quellen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Unsourced events</source>
        <translation>Ereignisse ohne Quelle</translation>
    </message>
    <message>
        <source>Events whose sources all lack an address</source>
        <translation>Ereignisse, deren Quellen alle keine Adresse haben</translation>
    </message>
    <message>
        <source>Events dated after their sources</source>
        <translation>Ereignisse, die nach ihren Quellen datiert sind</translation>
    </message>
    <message>
        <source>Sources without address</source>
        <translation>Quellen ohne Adresse</translation>
    </message>
    <message>
        <source>Sources cited by no event</source>
        <translation>Quellen, die kein Ereignis zitiert</translation>
    </message>
    <message>
        <source>Duplicate sources</source>
        <translation>Doppelte Quellen</translation>
    </message>
    <message>
        <source>Sources with an unsafe address</source>
        <translation>Quellen mit unsicherer Adresse</translation>
    </message>
    <message>
        <source>Nothing backs these up, so no reader can check them. Cite what reports them.</source>
        <translation>Nichts belegt sie, also kann niemand sie prüfen. Zitieren Sie, was über sie berichtet.</translation>
    </message>
    <message>
        <source>Their evidence cannot be found again: add a URL or DOI to a source.</source>
        <translation>Ihre Belege sind nicht wieder auffindbar: Ergänzen Sie eine URL oder DOI bei einer Quelle.</translation>
    </message>
    <message>
        <source>Either the date is wrong or the event was announced in advance.</source>
        <translation>Entweder ist das Datum falsch oder das Ereignis wurde im Voraus angekündigt.</translation>
    </message>
    <message>
        <source>Neither URL nor DOI: a reader cannot look the article up.</source>
        <translation>Weder URL noch DOI: Niemand kann den Artikel nachschlagen.</translation>
    </message>
    <message>
        <source>Link them to the events they report, or remove them.</source>
        <translation>Verknüpfen Sie sie mit den Ereignissen, über die sie berichten, oder entfernen Sie sie.</translation>
    </message>
    <message>
        <source>The same article twice splits its citations: merge the two.</source>
        <translation>Derselbe Artikel doppelt teilt seine Zitate auf: Führen Sie beide zusammen.</translation>
    </message>
    <message>
        <source>A javascript:, file: or data: address is never opened: replace it with the article&apos;s web address.</source>
        <translation>Eine javascript:-, file:- oder data:-Adresse wird nie geöffnet: Ersetzen Sie sie durch die Webadresse des Artikels.</translation>
    </message>
    <message>
        <source>Show event</source>
        <translation>Ereignis anzeigen</translation>
    </message>
    <message>
        <source>Show source</source>
        <translation>Quelle anzeigen</translation>
    </message>
    <message>
        <source>Checked %1 events and %2 sources.</source>
        <translation>%1 Ereignisse und %2 Quellen geprüft.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 findings&lt;/b&gt; in %2 groups, checked across %3 events and %4 sources. Double-click a finding to show it.</source>
        <translation>&lt;b&gt;%1 Befunde&lt;/b&gt; in %2 Gruppen, geprüft über %3 Ereignisse und %4 Quellen. Doppelklicken Sie auf einen Befund, um ihn anzuzeigen.</translation>
    </message>
    <message>
        <source>Responses dated before what they answer</source>
        <translation>Reaktionen, die vor ihrem Anlass datiert sind</translation>
    </message>
    <message>
        <source>Relations in a circle</source>
        <translation>Beziehungen im Kreis</translation>
    </message>
    <message>
        <source>Relations without a source</source>
        <translation>Beziehungen ohne Quelle</translation>
    </message>
    <message>
        <source>A response dated before what it answers: one of the two dates is wrong, or the relation points the wrong way.</source>
        <translation>Eine Reaktion ist vor ihrem Anlass datiert: Eines der beiden Daten ist falsch, oder die Beziehung zeigt in die falsche Richtung.</translation>
    </message>
    <message>
        <source>A chain that leads back to where it started cannot be read in time order.</source>
        <translation>Eine Kette, die zu ihrem Anfang zurückführt, lässt sich nicht in zeitlicher Reihenfolge lesen.</translation>
    </message>
    <message>
        <source>The claim that one event answers another needs evidence like any other: cite the source that says so.</source>
        <translation>Die Aussage, dass ein Ereignis auf ein anderes antwortet, braucht wie jede andere einen Beleg: Zitieren Sie die Quelle, die das sagt.</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>ChipTimeline User Guide</source>
        <translation>ChipTimeline-Benutzerhandbuch</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Back to the previous place in the guide</source>
        <translation>Zurück zur vorigen Stelle im Handbuch</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>The guide&apos;s table of contents</source>
        <translation>Das Inhaltsverzeichnis des Handbuchs</translation>
    </message>
</context>
<context>
    <name>HistoryPane</name>
    <message>
        <source>&amp;Restore This Version</source>
        <translation>Diese Version &amp;wiederherstellen</translation>
    </message>
    <message>
        <source>Put the event back as it stood after the chosen revision: a new change, which Undo takes back</source>
        <translation>Das Ereignis so zurücksetzen, wie es nach der gewählten Revision war: eine neue Änderung, die Rückgängig zurücknimmt</translation>
    </message>
    <message>
        <source>Select an event to see who changed it, when and why.</source>
        <translation>Wählen Sie ein Ereignis, um zu sehen, wer es wann und warum geändert hat.</translation>
    </message>
    <message>
        <source>History of “%1”: one revision</source>
        <translation>Historie von „%1“: eine Revision</translation>
    </message>
    <message numerus="yes">
        <source>History of “%1”: %n revisions</source>
        <translation>
            <numerusform>Historie von „%1“: %n Revision</numerusform>
            <numerusform>Historie von „%1“: %n Revisionen</numerusform>
        </translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>&amp;Deleted Events</source>
        <translation>&amp;Gelöschte Ereignisse</translation>
    </message>
    <message>
        <source>List the events deleted from the timeline, with who deleted them, when and why</source>
        <translation>Die aus der Zeitleiste gelöschten Ereignisse auflisten, mit wer sie wann und warum gelöscht hat</translation>
    </message>
    <message>
        <source>&amp;Restore Deleted Event</source>
        <translation>Gelöschtes Ereignis &amp;wiederherstellen</translation>
    </message>
    <message>
        <source>No event has been deleted.</source>
        <translation>Es wurde kein Ereignis gelöscht.</translation>
    </message>
    <message>
        <source>One deleted event</source>
        <translation>Ein gelöschtes Ereignis</translation>
    </message>
    <message numerus="yes">
        <source>%n deleted events, the latest deletion first</source>
        <translation>
            <numerusform>%n gelöschtes Ereignis, die letzte Löschung zuerst</numerusform>
            <numerusform>%n gelöschte Ereignisse, die letzte Löschung zuerst</numerusform>
        </translation>
    </message>
    <message>
        <source>This timeline keeps no history yet (its database was made by an older ChipTimeline; init upgrades it).</source>
        <translation>Diese Zeitleiste zeichnet noch keine Geschichte auf (ihre Datenbank wurde von einem älteren ChipTimeline angelegt; init aktualisiert sie).</translation>
    </message>
</context>
<context>
    <name>ImageExporter</name>
    <message>
        <source>the size &apos;%1&apos; is outside 320x240 .. 20000x20000</source>
        <translation>die Größe „%1“ liegt außerhalb von 320x240 .. 20000x20000</translation>
    </message>
    <message>
        <source>the size &apos;%1&apos; is not %2</source>
        <translation>die Größe „%1“ ist nicht %2</translation>
    </message>
    <message>
        <source>cannot tell the image format without an extension (use .png, .svg or .pdf)</source>
        <translation>ohne Dateiendung ist das Bildformat unklar (verwenden Sie .png, .svg oder .pdf)</translation>
    </message>
    <message>
        <source>unknown image format &apos;%1&apos; (use png, svg or pdf)</source>
        <translation>unbekanntes Bildformat „%1“ (verwenden Sie png, svg oder pdf)</translation>
    </message>
    <message>
        <source>the scale %1 is not between 1 and 4</source>
        <translation>die Skalierung %1 liegt nicht zwischen 1 und 4</translation>
    </message>
    <message>
        <source>the resolution %1 dpi is not between 72 and 1200</source>
        <translation>die Auflösung %1 dpi liegt nicht zwischen 72 und 1200</translation>
    </message>
    <message>
        <source>no file name</source>
        <translation>kein Dateiname</translation>
    </message>
    <message>
        <source>the folder %1 does not exist</source>
        <translation>der Ordner %1 existiert nicht</translation>
    </message>
    <message>
        <source>is a folder</source>
        <translation>ist ein Ordner</translation>
    </message>
    <message>
        <source>export cancelled</source>
        <translation>Export abgebrochen</translation>
    </message>
    <message>
        <source>%1 units tall instead of %2, to keep every source note (a PDF keeps the page size and continues the notes on further pages)</source>
        <translation>%1 Einheiten hoch statt %2, damit jede Quellenangabe erhalten bleibt (ein PDF behält die Seitengröße und setzt die Angaben auf weiteren Seiten fort)</translation>
    </message>
    <message>
        <source>cannot write: %1</source>
        <translation>kann nicht schreiben: %1</translation>
    </message>
    <message>
        <source>ChipTimeline figure</source>
        <translation>ChipTimeline-Abbildung</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>%1 new</source>
        <translation>%1 neu</translation>
    </message>
    <message>
        <source>%1 updated</source>
        <translation>%1 aktualisiert</translation>
    </message>
    <message>
        <source>%1 skipped</source>
        <translation>%1 übersprungen</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>&lt;b&gt;Files&lt;/b&gt;</source>
        <translation>&lt;b&gt;Dateien&lt;/b&gt;</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>&amp;Add Files…</source>
        <translation>Dateien &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Auto-detect</source>
        <translation>Automatisch erkennen</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>Skip — keep the database&apos;s version</source>
        <translation>Überspringen – die Fassung der Datenbank behalten</translation>
    </message>
    <message>
        <source>Update — take the file&apos;s version</source>
        <translation>Aktualisieren – die Fassung der Datei übernehmen</translation>
    </message>
    <message>
        <source>Keep both — add the file&apos;s as a new record</source>
        <translation>Beide behalten – die der Datei als neuen Eintrag hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Already in the database:</source>
        <translation>&amp;Bereits in der Datenbank:</translation>
    </message>
    <message>
        <source>What the import will do</source>
        <translation>Was der Import tun wird</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>All importable files (*.json *.csv *.timeline *.ics *.ris *.bib *.txt)</source>
        <translation>Alle importierbaren Dateien (*.json *.csv *.timeline *.ics *.ris *.bib *.txt)</translation>
    </message>
    <message>
        <source>ChipTimeline (*.chiptimeline.json *.json)</source>
        <translation>ChipTimeline (*.chiptimeline.json *.json)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>TimelineJS (*.json *.csv)</source>
        <translation>TimelineJS (*.json *.csv)</translation>
    </message>
    <message>
        <source>Timeline (*.timeline)</source>
        <translation>Timeline (*.timeline)</translation>
    </message>
    <message>
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>CSL-JSON (*.json)</source>
        <translation>CSL-JSON (*.json)</translation>
    </message>
    <message>
        <source>RIS (*.ris)</source>
        <translation>RIS (*.ris)</translation>
    </message>
    <message>
        <source>BibTeX (*.bib)</source>
        <translation>BibTeX (*.bib)</translation>
    </message>
    <message>
        <source>Article text (*.txt)</source>
        <translation>Artikeltext (*.txt)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import Files</source>
        <translation>Dateien importieren</translation>
    </message>
    <message>
        <source>ChipTimeline JSON</source>
        <translation>ChipTimeline-JSON</translation>
    </message>
    <message>
        <source>Events CSV</source>
        <translation>Ereignisse als CSV</translation>
    </message>
    <message>
        <source>TimelineJS JSON</source>
        <translation>TimelineJS-JSON</translation>
    </message>
    <message>
        <source>TimelineJS sheet (CSV)</source>
        <translation>TimelineJS-Tabelle (CSV)</translation>
    </message>
    <message>
        <source>Timeline (.timeline)</source>
        <translation>Timeline (.timeline)</translation>
    </message>
    <message>
        <source>iCalendar</source>
        <translation>iCalendar</translation>
    </message>
    <message>
        <source>CSL-JSON</source>
        <translation>CSL-JSON</translation>
    </message>
    <message>
        <source>RIS</source>
        <translation>RIS</translation>
    </message>
    <message>
        <source>BibTeX</source>
        <translation>BibTeX</translation>
    </message>
    <message>
        <source>BibLaTeX</source>
        <translation>BibLaTeX</translation>
    </message>
    <message>
        <source>Article text</source>
        <translation>Artikeltext</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>Reading %1 (%2 of %3)…</source>
        <translation>%1 wird gelesen (%2 von %3)…</translation>
    </message>
    <message>
        <source>Comparing with the database…</source>
        <translation>Abgleich mit der Datenbank…</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Cannot be read</source>
        <translation>Nicht lesbar</translation>
    </message>
    <message>
        <source>New categories: %1</source>
        <translation>Neue Kategorien: %1</translation>
    </message>
    <message>
        <source>Add the files to import, or drop them here.</source>
        <translation>Fügen Sie die zu importierenden Dateien hinzu oder ziehen Sie sie hierher.</translation>
    </message>
    <message>
        <source>Nothing is imported while a file cannot be read: fix it or remove it from the list.</source>
        <translation>Nichts wird importiert, solange eine Datei nicht lesbar ist: Beheben Sie den Fehler oder entfernen Sie sie aus der Liste.</translation>
    </message>
    <message>
        <source>The database is read-only: %1</source>
        <translation>Die Datenbank ist schreibgeschützt: %1</translation>
    </message>
    <message>
        <source>Nothing to import: the database already holds all of it.</source>
        <translation>Nichts zu importieren: Die Datenbank enthält bereits alles.</translation>
    </message>
    <message>
        <source>Nothing is written until you press Import; then all of it is, or none.</source>
        <translation>Nichts wird geschrieben, bevor Sie auf Importieren klicken; dann alles oder nichts.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Wird importiert…</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Stop the import: nothing of it is kept</source>
        <translation>Den Import abbrechen: Nichts davon wird behalten</translation>
    </message>
    <message>
        <source>The import was stopped; nothing of it was written.</source>
        <translation>Der Import wurde abgebrochen; nichts davon wurde geschrieben.</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Nichts wurde importiert: %1</translation>
    </message>
    <message>
        <source>Imported: %1 events added, %2 updated, %3 skipped; %4 sources added, %5 updated, %6 skipped.</source>
        <translation>Importiert: %1 Ereignisse hinzugefügt, %2 aktualisiert, %3 übersprungen; %4 Quellen hinzugefügt, %5 aktualisiert, %6 übersprungen.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>What the import did</source>
        <translation>Was der Import getan hat</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Importing: %L1 of %L2 events written…</source>
        <translation>Import: %L1 von %L2 Ereignissen geschrieben…</translation>
    </message>
</context>
<context>
    <name>LinkSourceCommand</name>
    <message>
        <source>Link a source to %1</source>
        <translation>Eine Quelle mit %1 verknüpfen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>%1 — ChipTimeline</source>
        <translation>%1 – ChipTimeline</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Search Results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>Editing</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>E&amp;xtras</translation>
    </message>
    <message>
        <source>Dataset &amp;Health…</source>
        <translation>Datenbestand &amp;prüfen…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Restore From Backup…</source>
        <translation>Aus &amp;Sicherung wiederherstellen…</translation>
    </message>
    <message>
        <source>Export &amp;Image…</source>
        <translation>Bild e&amp;xportieren…</translation>
    </message>
    <message>
        <source>&amp;Copy Image</source>
        <translation>Bild &amp;kopieren</translation>
    </message>
    <message>
        <source>The timeline image is on the clipboard</source>
        <translation>Das Bild der Zeitleiste liegt in der Zwischenablage</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Fit All</source>
        <translation>&amp;Alles einpassen</translation>
    </message>
    <message>
        <source>&amp;Lanes</source>
        <translation>&amp;Spuren</translation>
    </message>
    <message>
        <source>By &amp;Category</source>
        <translation>Nach &amp;Kategorie</translation>
    </message>
    <message>
        <source>By &amp;Actor</source>
        <translation>Nach &amp;Akteur</translation>
    </message>
    <message>
        <source>By C&amp;hip</source>
        <translation>Nach C&amp;hip</translation>
    </message>
    <message>
        <source>&amp;None</source>
        <translation>&amp;Keine</translation>
    </message>
    <message>
        <source>&amp;Saved Views</source>
        <translation>&amp;Gespeicherte Ansichten</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <source>What&apos;s &amp;New</source>
        <translation>&amp;Neuigkeiten</translation>
    </message>
    <message>
        <source>&amp;Keyboard…</source>
        <translation>&amp;Tastatur…</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Tastatur</translation>
    </message>
    <message>
        <source>Left/Right: previous/next event
Up/Down: event in the lane above/below
+/-: zoom in/out
F: fit all
Home/End: first/last event
Enter: open the details
Ctrl+Left/Right: pan
Shift+drag: zoom to a range
Double-click a +N cluster: zoom into it</source>
        <translation>Links/Rechts: voriges/nächstes Ereignis
Oben/Unten: Ereignis in der Spur darüber/darunter
+/-: vergrößern/verkleinern
F: alles einpassen
Pos1/Ende: erstes/letztes Ereignis
Eingabe: Details öffnen
Strg+Links/Rechts: verschieben
Umschalt+Ziehen: auf einen Bereich zoomen
Doppelklick auf eine +N-Gruppe: hineinzoomen</translation>
    </message>
    <message>
        <source>&amp;About ChipTimeline</source>
        <translation>Ü&amp;ber ChipTimeline</translation>
    </message>
    <message>
        <source>About ChipTimeline</source>
        <translation>Über ChipTimeline</translation>
    </message>
    <message>
        <source>&lt;b&gt;ChipTimeline&lt;/b&gt; %1&lt;br&gt;AI-chip export policy as a timeline, every event traceable to its sources.&lt;br&gt;Database: %2</source>
        <translation>&lt;b&gt;ChipTimeline&lt;/b&gt; %1&lt;br&gt;Exportpolitik für KI-Chips als Zeitleiste, jedes Ereignis bis zu seinen Quellen nachvollziehbar.&lt;br&gt;Datenbank: %2</translation>
    </message>
    <message>
        <source>&amp;Save Current View…</source>
        <translation>Aktuelle Ansicht &amp;speichern…</translation>
    </message>
    <message>
        <source>Save View</source>
        <translation>Ansicht speichern</translation>
    </message>
    <message>
        <source>Name of the view:</source>
        <translation>Name der Ansicht:</translation>
    </message>
    <message>
        <source>Saved the view “%1”</source>
        <translation>Ansicht „%1“ gespeichert</translation>
    </message>
    <message>
        <source>View not saved</source>
        <translation>Ansicht nicht gespeichert</translation>
    </message>
    <message>
        <source>&amp;Copy Current View as Text</source>
        <translation>Aktuelle Ansicht als Text &amp;kopieren</translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>Kopiert: %1</translation>
    </message>
    <message>
        <source>&amp;Open View from Text…</source>
        <translation>Ansicht aus Text ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open View</source>
        <translation>Ansicht öffnen</translation>
    </message>
    <message>
        <source>Paste the text of a view:</source>
        <translation>Fügen Sie den Text einer Ansicht ein:</translation>
    </message>
    <message>
        <source>Cannot open the view</source>
        <translation>Die Ansicht kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation>„%1“: %2</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>View not deleted</source>
        <translation>Ansicht nicht gelöscht</translation>
    </message>
    <message>
        <source>read-only: %1</source>
        <translation>schreibgeschützt: %1</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>%1 wird geöffnet</translation>
    </message>
    <message>
        <source>No browser could open %1</source>
        <translation>Kein Browser konnte %1 öffnen</translation>
    </message>
    <message>
        <source>&amp;New Timeline…</source>
        <translation>&amp;Neue Zeitleiste…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Save a &amp;Copy As…</source>
        <translation>&amp;Kopie speichern unter…</translation>
    </message>
    <message>
        <source>Cannot open the timeline</source>
        <translation>Die Zeitleiste kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1 already exists: open it with File → Open, or choose another name.</source>
        <translation>%1 existiert bereits: Öffnen Sie sie mit Datei → Öffnen oder wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>New Timeline</source>
        <translation>Neue Zeitleiste</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>ChipTimeline databases (*.sqlite)</source>
        <translation>ChipTimeline-Datenbanken (*.sqlite)</translation>
    </message>
    <message>
        <source>Cannot create the timeline</source>
        <translation>Die Zeitleiste kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Open Timeline</source>
        <translation>Zeitleiste öffnen</translation>
    </message>
    <message>
        <source>ChipTimeline databases (*.sqlite *.db);;All files (*)</source>
        <translation>ChipTimeline-Datenbanken (*.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Saved a copy as %1</source>
        <translation>Kopie gespeichert als %1</translation>
    </message>
    <message>
        <source>Save a Copy As</source>
        <translation>Kopie speichern unter</translation>
    </message>
    <message>
        <source>%1 copy</source>
        <translation>%1 Kopie</translation>
    </message>
    <message>
        <source>Copy not saved</source>
        <translation>Kopie nicht gespeichert</translation>
    </message>
    <message>
        <source>%1 already exists: choose another name.</source>
        <translation>%1 existiert bereits: Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>New Timeline from the Bundled Dataset</source>
        <translation>Neue Zeitleiste aus dem mitgelieferten Datenbestand</translation>
    </message>
    <message>
        <source>AI-chip export controls</source>
        <translation>Exportkontrollen für KI-Chips</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Show &amp;Chain of Selected Event</source>
        <translation>&amp;Kette des gewählten Ereignisses zeigen</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historie</translation>
    </message>
    <message>
        <source>As &amp;Of…</source>
        <translation>Stand &amp;vom…</translation>
    </message>
    <message>
        <source>As Of</source>
        <translation>Stand vom</translation>
    </message>
    <message>
        <source>Show the timeline as it stood at a revision (r12) or a UTC date-time (2025-09-01T12:00):</source>
        <translation>Die Zeitleiste so zeigen, wie sie bei einer Revision (r12) oder zu einem UTC-Zeitpunkt (2025-09-01T12:00) war:</translation>
    </message>
    <message>
        <source>Back to &amp;Now</source>
        <translation>Zurück zu &amp;Jetzt</translation>
    </message>
    <message>
        <source>Back to Now</source>
        <translation>Zurück zu Jetzt</translation>
    </message>
    <message>
        <source>Cannot show the timeline as of %1: %2</source>
        <translation>Die Zeitleiste kann nicht im Stand von %1 gezeigt werden: %2</translation>
    </message>
    <message>
        <source>showing the timeline as of r%1</source>
        <translation>die Zeitleiste wird im Stand von r%1 gezeigt</translation>
    </message>
    <message>
        <source>As of r%1 (%2 UTC) — read-only</source>
        <translation>Stand von r%1 (%2 UTC) — schreibgeschützt</translation>
    </message>
    <message>
        <source>C&amp;hanged Since Figure…</source>
        <translation>Geändert seit Ab&amp;bildung…</translation>
    </message>
    <message>
        <source>Changed Since Figure</source>
        <translation>Geändert seit Abbildung</translation>
    </message>
    <message>
        <source>Figures (*.png *.svg *.pdf);;All files (*)</source>
        <translation>Abbildungen (*.png *.svg *.pdf);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Show All</source>
        <translation>Alle zeigen</translation>
    </message>
    <message>
        <source>%1 records no provenance: %2</source>
        <translation>%1 enthält keine Herkunftsangaben: %2</translation>
    </message>
    <message>
        <source>%1 records no revision (it was made before the timeline kept its history)</source>
        <translation>%1 nennt keine Revision (sie wurde erstellt, bevor die Zeitleiste ihre Geschichte aufzeichnete)</translation>
    </message>
    <message>
        <source>%1 was drawn from r%2, which this timeline does not have</source>
        <translation>%1 wurde aus r%2 gezeichnet, die diese Zeitleiste nicht hat</translation>
    </message>
    <message>
        <source>Changed since %1 (r%2): one event added or changed</source>
        <translation>Geändert seit %1 (r%2): ein Ereignis hinzugefügt oder geändert</translation>
    </message>
    <message numerus="yes">
        <source>Changed since %1 (r%2): %n events added or changed</source>
        <translation>
            <numerusform>Geändert seit %1 (r%2): %n Ereignis hinzugefügt oder geändert</numerusform>
            <numerusform>Geändert seit %1 (r%2): %n Ereignisse hinzugefügt oder geändert</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot show the timeline as of %1: this timeline keeps no history yet</source>
        <translation>Die Zeitleiste kann nicht im Stand von %1 gezeigt werden: Diese Zeitleiste zeichnet noch keine Geschichte auf</translation>
    </message>
    <message>
        <source>%1 cannot be compared: this timeline keeps no history yet</source>
        <translation>%1 kann nicht verglichen werden: Diese Zeitleiste zeichnet noch keine Geschichte auf</translation>
    </message>
    <message>
        <source>Open &amp;Team Timeline…</source>
        <translation>&amp;Team-Zeitleiste öffnen…</translation>
    </message>
    <message>
        <source>1 event</source>
        <translation>1 Ereignis</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1 Ereignisse</translation>
    </message>
    <message>
        <source>1 source</source>
        <translation>1 Quelle</translation>
    </message>
    <message>
        <source>%1 sources</source>
        <translation>%1 Quellen</translation>
    </message>
    <message>
        <source>Turning the timeline back to r%1…</source>
        <translation>Die Zeitleiste im Stand von r%1 wird hergestellt…</translation>
    </message>
    <message>
        <source>Deleted Events</source>
        <translation>Gelöschte Ereignisse</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>; one event deleted: %1</source>
        <translation>; ein Ereignis gelöscht: %1</translation>
    </message>
    <message numerus="yes">
        <source>; %n events deleted: %1</source>
        <translation>
            <numerusform>; %n Ereignis gelöscht: %1</numerusform>
            <numerusform>; %n Ereignisse gelöscht: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeEventsCommand</name>
    <message>
        <source>Merge %1 into %2</source>
        <translation>%1 mit %2 zusammenführen</translation>
    </message>
</context>
<context>
    <name>MoveEventCommand</name>
    <message>
        <source>Move %1</source>
        <translation>%1 verschieben</translation>
    </message>
</context>
<context>
    <name>OverviewStrip</name>
    <message>
        <source>Overview of all events</source>
        <translation>Übersicht aller Ereignisse</translation>
    </message>
    <message>
        <source>All events: drag the window to move the timeline, click to centre it there</source>
        <translation>Alle Ereignisse: Ziehen Sie das Fenster, um die Zeitleiste zu verschieben, oder klicken Sie, um dort zu zentrieren</translation>
    </message>
</context>
<context>
    <name>Parser</name>
    <message>
        <source>A &quot;)&quot; without its &quot;(&quot; was ignored.</source>
        <translation>Eine „)“ ohne ihre „(“ wurde ignoriert.</translation>
    </message>
    <message>
        <source>%1 needs a word on both sides; it was ignored.</source>
        <translation>%1 braucht auf beiden Seiten ein Wort; es wurde ignoriert.</translation>
    </message>
    <message>
        <source>NOT needs a word before it, as in &quot;H20 NOT licence&quot;; it was ignored with the word after it.</source>
        <translation>NOT braucht ein Wort davor, wie in „H20 NOT licence“; es wurde mit dem Wort danach ignoriert.</translation>
    </message>
    <message>
        <source>Brackets nested more than %1 deep: the words inside them are all searched for.</source>
        <translation>Klammern mehr als %1 Ebenen tief verschachtelt: Nach allen Wörtern darin wird gesucht.</translation>
    </message>
    <message>
        <source>A &quot;)&quot; was missing; it was added at the end.</source>
        <translation>Eine „)“ fehlte; sie wurde am Ende ergänzt.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>System follows the desktop&apos;s colours</source>
        <translation>System folgt den Farben der Arbeitsumgebung</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>The language applies on next start.</source>
        <translation>Die Sprache gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>Slide (1920 × 1080)</source>
        <translation>Folie (1920 × 1080)</translation>
    </message>
    <message>
        <source>A4 landscape</source>
        <translation>A4 quer</translation>
    </message>
    <message>
        <source>A4 portrait</source>
        <translation>A4 hoch</translation>
    </message>
    <message>
        <source>Letter landscape</source>
        <translation>Letter quer</translation>
    </message>
    <message>
        <source>Letter portrait</source>
        <translation>Letter hoch</translation>
    </message>
    <message>
        <source>Print (greyscale-safe)</source>
        <translation>Druck (graustufentauglich)</translation>
    </message>
    <message>
        <source>Full (outlet, title, date, address)</source>
        <translation>Vollständig (Medium, Titel, Datum, Adresse)</translation>
    </message>
    <message>
        <source>Short (outlet, title, date)</source>
        <translation>Kurz (Medium, Titel, Datum)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Export Image starts with</source>
        <translation>„Bild exportieren“ beginnt mit</translation>
    </message>
    <message>
        <source>Si&amp;ze:</source>
        <translation>&amp;Größe:</translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <source>Source &amp;notes:</source>
        <translation>Quellen&amp;angaben:</translation>
    </message>
    <message>
        <source>Change history</source>
        <translation>Änderungsverlauf</translation>
    </message>
    <message>
        <source>&amp;Author name:</source>
        <translation>&amp;Name des Autors:</translation>
    </message>
    <message>
        <source>Kept for the history of changes; empty: your user name, %1.</source>
        <translation>Wird für den Änderungsverlauf gespeichert; leer: Ihr Benutzername, %1.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>The database is damaged</source>
        <translation>Die Datenbank ist beschädigt</translation>
    </message>
    <message>
        <source>%1

The newest good backup is from %2 (%3). Restore it? Changes made since are lost; the damaged file is kept as %4.</source>
        <translation>%1

Die neueste intakte Sicherung ist vom %2 (%3). Wiederherstellen? Seitdem gemachte Änderungen gehen verloren; die beschädigte Datei wird als %4 behalten.</translation>
    </message>
    <message>
        <source>Import into a new timeline?</source>
        <translation>In eine neue Zeitleiste importieren?</translation>
    </message>
    <message>
        <source>“%1” is a timeline file. ChipTimeline keeps timelines in databases: import its events and sources into a new timeline?</source>
        <translation>„%1“ ist eine Zeitleistendatei. ChipTimeline speichert Zeitleisten in Datenbanken: Ihre Ereignisse und Quellen in eine neue Zeitleiste importieren?</translation>
    </message>
    <message>
        <source>New Timeline</source>
        <translation>Neue Zeitleiste</translation>
    </message>
    <message>
        <source>ChipTimeline databases (*.sqlite)</source>
        <translation>ChipTimeline-Datenbanken (*.sqlite)</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>Die Datenbank kann nicht geöffnet werden</translation>
    </message>
</context>
<context>
    <name>RecentFiles</name>
    <message>
        <source>%1 (not found)</source>
        <translation>%1 (nicht gefunden)</translation>
    </message>
    <message>
        <source>No recent timelines</source>
        <translation>Keine zuletzt geöffneten Zeitleisten</translation>
    </message>
    <message>
        <source>&amp;Remove Missing Timelines</source>
        <translation>Fehlende Zeitleisten &amp;entfernen</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>Team timeline on a server</source>
        <translation>Team-Zeitleiste auf einem Server</translation>
    </message>
</context>
<context>
    <name>Relation</name>
    <message>
        <source>responds to</source>
        <translation>reagiert auf</translation>
    </message>
    <message>
        <source>amends</source>
        <translation>ändert</translation>
    </message>
    <message>
        <source>replaces</source>
        <translation>ersetzt</translation>
    </message>
    <message>
        <source>rescinds</source>
        <translation>hebt auf</translation>
    </message>
    <message>
        <source>implements</source>
        <translation>setzt um</translation>
    </message>
    <message>
        <source>follows from</source>
        <translation>folgt aus</translation>
    </message>
    <message>
        <source>answered by</source>
        <translation>beantwortet durch</translation>
    </message>
    <message>
        <source>amended by</source>
        <translation>geändert durch</translation>
    </message>
    <message>
        <source>replaced by</source>
        <translation>ersetzt durch</translation>
    </message>
    <message>
        <source>rescinded by</source>
        <translation>aufgehoben durch</translation>
    </message>
    <message>
        <source>implemented by</source>
        <translation>umgesetzt durch</translation>
    </message>
    <message>
        <source>leads to</source>
        <translation>führt zu</translation>
    </message>
</context>
<context>
    <name>RelationCommands</name>
    <message>
        <source>Edit link: “%1” %2 “%3”</source>
        <translation>Verknüpfung bearbeiten: „%1“ %2 „%3“</translation>
    </message>
    <message>
        <source>Link “%1” %2 “%3”</source>
        <translation>Verknüpfen: „%1“ %2 „%3“</translation>
    </message>
    <message>
        <source>Unlink “%1” %2 “%3”</source>
        <translation>Verknüpfung lösen: „%1“ %2 „%3“</translation>
    </message>
</context>
<context>
    <name>RelationEditorDialog</name>
    <message>
        <source>Edit Relation</source>
        <translation>Beziehung bearbeiten</translation>
    </message>
    <message>
        <source>Link Events</source>
        <translation>Ereignisse verknüpfen</translation>
    </message>
    <message>
        <source>This event:</source>
        <translation>Dieses Ereignis:</translation>
    </message>
    <message>
        <source>&amp;Relation:</source>
        <translation>&amp;Beziehung:</translation>
    </message>
    <message>
        <source>Type words of the other event&apos;s title</source>
        <translation>Wörter aus dem Titel des anderen Ereignisses eingeben</translation>
    </message>
    <message>
        <source>&amp;Other event:</source>
        <translation>&amp;Anderes Ereignis:</translation>
    </message>
    <message>
        <source>Optional: how the two are connected</source>
        <translation>Optional: wie die beiden zusammenhängen</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <source>(no source yet)</source>
        <translation>(noch keine Quelle)</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Quelle:</translation>
    </message>
    <message>
        <source>The passage that says so, verbatim</source>
        <translation>Die Textstelle, die das belegt, wörtlich</translation>
    </message>
    <message>
        <source>&amp;Quote:</source>
        <translation>&amp;Zitat:</translation>
    </message>
    <message>
        <source>para. 5, p. 12</source>
        <translation>Abs. 5, S. 12</translation>
    </message>
    <message>
        <source>&amp;Locator:</source>
        <translation>&amp;Fundstelle:</translation>
    </message>
    <message>
        <source>Choose the other event.</source>
        <translation>Wählen Sie das andere Ereignis.</translation>
    </message>
    <message>
        <source>An event cannot be related to itself.</source>
        <translation>Ein Ereignis kann nicht mit sich selbst verknüpft werden.</translation>
    </message>
    <message>
        <source>“%1” is dated before “%2”, which it %3: Dataset Health will report it.</source>
        <translation>„%1“ ist früher datiert als „%2“ (Beziehung: %3); „Datenbestand prüfen“ wird das melden.</translation>
    </message>
</context>
<context>
    <name>RevisionHistoryModel</name>
    <message>
        <source>added by the import</source>
        <translation>durch den Import hinzugefügt</translation>
    </message>
    <message>
        <source>created</source>
        <translation>angelegt</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Why / what</source>
        <translation>Warum / was</translation>
    </message>
</context>
<context>
    <name>Scanner</name>
    <message>
        <source>unknown escape &quot;\%1&quot; (use \&quot; or \\)</source>
        <translation>unbekannte Escape-Sequenz „\%1“ (verwenden Sie \&quot; oder \\)</translation>
    </message>
    <message>
        <source>quote not closed</source>
        <translation>Anführungszeichen nicht geschlossen</translation>
    </message>
    <message>
        <source>a space is needed after the closing quote</source>
        <translation>nach dem schließenden Anführungszeichen ist ein Leerzeichen nötig</translation>
    </message>
    <message>
        <source>a quote may only open a value</source>
        <translation>ein Anführungszeichen darf nur einen Wert eröffnen</translation>
    </message>
</context>
<context>
    <name>SearchQuery</name>
    <message>
        <source>Nothing to search for: type a word.</source>
        <translation>Nichts zu suchen: Geben Sie ein Wort ein.</translation>
    </message>
</context>
<context>
    <name>SearchResultsPane</name>
    <message>
        <source>Type in the search field above the timeline to see ranked results.</source>
        <translation>Tippen Sie in das Suchfeld über der Zeitleiste, um gewichtete Ergebnisse zu sehen.</translation>
    </message>
    <message>
        <source>1 event</source>
        <translation>1 Ereignis</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1 Ereignisse</translation>
    </message>
    <message>
        <source>1 source</source>
        <translation>1 Quelle</translation>
    </message>
    <message>
        <source>%1 sources</source>
        <translation>%1 Quellen</translation>
    </message>
    <message>
        <source>match “%1”</source>
        <translation>Treffer für „%1“</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>Nothing matches.</source>
        <translation>Nichts passt.</translation>
    </message>
</context>
<context>
    <name>ServerConnectionWatch</name>
    <message>
        <source>The server at %1 is not reachable; showing the data as last read. Reconnecting…</source>
        <translation>Der Server unter %1 ist nicht erreichbar; angezeigt werden die zuletzt gelesenen Daten. Die Verbindung wird wiederhergestellt…</translation>
    </message>
    <message numerus="yes">
        <source>Next try in %n s (%1).</source>
        <translation>
            <numerusform>Nächster Versuch in %n Sekunde (%1).</numerusform>
            <numerusform>Nächster Versuch in %n Sekunden (%1).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourceEditorDialog</name>
    <message>
        <source>A DOI looks like 10.1234/abc (“doi:” and https://doi.org/ are fine).</source>
        <translation>Eine DOI sieht aus wie 10.1234/abc („doi:“ und https://doi.org/ sind in Ordnung).</translation>
    </message>
    <message>
        <source>New Source</source>
        <translation>Neue Quelle</translation>
    </message>
    <message>
        <source>Edit Source</source>
        <translation>Quelle bearbeiten</translation>
    </message>
    <message>
        <source>Headline or document title</source>
        <translation>Überschrift oder Dokumenttitel</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>News article</source>
        <translation>Nachrichtenartikel</translation>
    </message>
    <message>
        <source>Official document</source>
        <translation>Amtliches Dokument</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Fachartikel</translation>
    </message>
    <message>
        <source>Filing</source>
        <translation>Einreichung</translation>
    </message>
    <message>
        <source>Web page</source>
        <translation>Webseite</translation>
    </message>
    <message>
        <source>Reuters, Financial Times, BIS, …</source>
        <translation>Reuters, Financial Times, BIS, …</translation>
    </message>
    <message>
        <source>&amp;Outlet:</source>
        <translation>&amp;Medium:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>Family, Given; Family, Given</source>
        <translation>Nachname, Vorname; Nachname, Vorname</translation>
    </message>
    <message>
        <source>A&amp;uthors:</source>
        <translation>A&amp;utoren:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;DOI:</source>
        <translation>&amp;DOI:</translation>
    </message>
    <message>
        <source>e.g. 15.08.2025</source>
        <translation>z. B. 15.08.2025</translation>
    </message>
    <message>
        <source>A&amp;ccessed:</source>
        <translation>A&amp;bgerufen:</translation>
    </message>
    <message>
        <source>&amp;Published:</source>
        <translation>&amp;Veröffentlicht:</translation>
    </message>
    <message>
        <source>en, de, zh-Hans, …</source>
        <translation>en, de, zh-Hans, …</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>E&amp;xcerpt:</source>
        <translation>Au&amp;szug:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notizen:</translation>
    </message>
    <message>
        <source>this source</source>
        <translation>diese Quelle</translation>
    </message>
    <message>
        <source>A title is required.</source>
        <translation>Ein Titel ist erforderlich.</translation>
    </message>
    <message>
        <source>A source&apos;s address must start with http:// or https://.</source>
        <translation>Die Adresse einer Quelle muss mit http:// oder https:// beginnen.</translation>
    </message>
    <message>
        <source>A language code such as en, de or zh-Hans.</source>
        <translation>Ein Sprachcode wie en, de oder zh-Hans.</translation>
    </message>
</context>
<context>
    <name>SourceTableModel</name>
    <message>
        <source>No event cites this source</source>
        <translation>Kein Ereignis zitiert diese Quelle</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>Medium</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>Lang.</source>
        <translation>Spr.</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
</context>
<context>
    <name>SourcesPane</name>
    <message>
        <source>Filter sources by title, outlet, language…</source>
        <translation>Quellen nach Titel, Medium, Sprache filtern…</translation>
    </message>
    <message>
        <source>Link not opened: %1</source>
        <translation>Link nicht geöffnet: %1</translation>
    </message>
    <message>
        <source>No address recorded.</source>
        <translation>Keine Adresse erfasst.</translation>
    </message>
    <message>
        <source>Cited by 1 event</source>
        <translation>Von 1 Ereignis zitiert</translation>
    </message>
    <message>
        <source>Cited by %1 events</source>
        <translation>Von %1 Ereignissen zitiert</translation>
    </message>
</context>
<context>
    <name>StartPanel</name>
    <message>
        <source>This timeline is empty</source>
        <translation>Diese Zeitleiste ist leer</translation>
    </message>
    <message>
        <source>Start it with events from a file, the first event typed by hand, or the AI-chip export-control dataset that comes with ChipTimeline.</source>
        <translation>Beginnen Sie mit Ereignissen aus einer Datei, mit einem von Hand eingegebenen ersten Ereignis oder mit dem Datenbestand zu Exportkontrollen für KI-Chips, der ChipTimeline beiliegt.</translation>
    </message>
    <message>
        <source>Import a File…</source>
        <translation>Eine Datei importieren…</translation>
    </message>
    <message>
        <source>Events and sources from a ChipTimeline, CSV, TimelineJS, Timeline or iCalendar file, or references from Zotero</source>
        <translation>Ereignisse und Quellen aus einer ChipTimeline-, CSV-, TimelineJS-, Timeline- oder iCalendar-Datei oder Literaturangaben aus Zotero</translation>
    </message>
    <message>
        <source>Add the First Event…</source>
        <translation>Das erste Ereignis hinzufügen…</translation>
    </message>
    <message>
        <source>Type an event with its date, status and sources</source>
        <translation>Ein Ereignis mit Datum, Status und Quellen eingeben</translation>
    </message>
    <message>
        <source>Open the AI-Chip Export-Control Dataset…</source>
        <translation>Den Datenbestand zu Exportkontrollen für KI-Chips öffnen…</translation>
    </message>
    <message>
        <source>A copy of the bundled dataset, events from 2022 on with their sources, in a new timeline of your own to change as you like</source>
        <translation>Eine Kopie des mitgelieferten Datenbestands, Ereignisse ab 2022 mit ihren Quellen, in einer eigenen neuen Zeitleiste, die Sie beliebig ändern können</translation>
    </message>
    <message>
        <source>Recent timelines</source>
        <translation>Zuletzt geöffnete Zeitleisten</translation>
    </message>
    <message>
        <source>&amp;Remove Missing Timelines</source>
        <translation>Fehlende Zeitleisten &amp;entfernen</translation>
    </message>
    <message>
        <source>Take the timelines marked “not found” off the list</source>
        <translation>Die als „nicht gefunden“ markierten Zeitleisten von der Liste nehmen</translation>
    </message>
    <message>
        <source>%1 (not found)</source>
        <translation>%1 (nicht gefunden)</translation>
    </message>
    <message>
        <source>No other timelines yet</source>
        <translation>Noch keine anderen Zeitleisten</translation>
    </message>
    <message>
        <source>Team timeline on a server</source>
        <translation>Team-Zeitleiste auf einem Server</translation>
    </message>
</context>
<context>
    <name>TeamTimelineDialog</name>
    <message>
        <source>Open Team Timeline</source>
        <translation>Team-Zeitleiste öffnen</translation>
    </message>
    <message>
        <source>A timeline a team keeps on a PostgreSQL server. Passwords are not asked for here: ChipTimeline leaves them to ~/.pgpass (or the file PGPASSFILE names) and never stores them.</source>
        <translation>Eine Zeitleiste, die ein Team auf einem PostgreSQL-Server führt. Passwörter werden hier nicht abgefragt: ChipTimeline überlässt sie ~/.pgpass (oder der Datei, die PGPASSFILE nennt) und speichert sie nie.</translation>
    </message>
    <message>
        <source>postgresql://user@host:5432/database or service=name</source>
        <translation>postgresql://benutzer@host:5432/datenbank oder service=name</translation>
    </message>
    <message>
        <source>Recent servers are in the list</source>
        <translation>Die zuletzt verwendeten Server stehen in der Liste</translation>
    </message>
    <message>
        <source>Or by its parts</source>
        <translation>Oder nach seinen Teilen</translation>
    </message>
    <message>
        <source>name, address or socket folder</source>
        <translation>Name, Adresse oder Socket-Ordner</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>Type the server&apos;s address, or its host and database.</source>
        <translation>Geben Sie die Adresse des Servers ein oder seinen Host und seine Datenbank.</translation>
    </message>
    <message>
        <source>%1: write the address as postgresql://user@host:port/database or service=name</source>
        <translation>%1: Schreiben Sie die Adresse als postgresql://benutzer@host:port/datenbank oder service=name</translation>
    </message>
</context>
<context>
    <name>TimeTicks</name>
    <message>
        <source>Q%1</source>
        <translation>%1. Quartal</translation>
    </message>
    <message>
        <source>%1s</source>
        <translation>%1er</translation>
    </message>
</context>
<context>
    <name>TimelineFigure</name>
    <message>
        <source>no category</source>
        <translation>keine Kategorie</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <source>reported (dashed)</source>
        <translation>berichtet (gestrichelt)</translation>
    </message>
    <message>
        <source>disputed (hatched)</source>
        <translation>umstritten (schraffiert)</translation>
    </message>
    <message>
        <source>no source yet</source>
        <translation>noch keine Quelle</translation>
    </message>
    <message>
        <source>period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>month or year only</source>
        <translation>nur Monat oder Jahr</translation>
    </message>
    <message>
        <source>events too close to label</source>
        <translation>zu dicht für Beschriftungen</translation>
    </message>
    <message>
        <source>see %1</source>
        <translation>siehe %1</translation>
    </message>
    <message>
        <source>%1, see [%2]</source>
        <translation>%1, siehe [%2]</translation>
    </message>
    <message>
        <source>no address</source>
        <translation>ohne Adresse</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <source>1 event is not labelled at this size.</source>
        <translation>1 Ereignis ist in dieser Größe nicht beschriftet.</translation>
    </message>
    <message>
        <source>%1 events are not labelled at this size; narrow the range or the filters to see them.</source>
        <translation>%1 Ereignisse sind in dieser Größe nicht beschriftet; grenzen Sie den Bereich oder die Filter ein, um sie zu sehen.</translation>
    </message>
    <message>
        <source>see note [%1]</source>
        <translation>siehe Anmerkung [%1]</translation>
    </message>
    <message>
        <source>see notes [%1]–[%2]</source>
        <translation>siehe Anmerkungen [%1]–[%2]</translation>
    </message>
    <message>
        <source>%1 events not labelled: %2</source>
        <translation>%1 Ereignisse nicht beschriftet: %2</translation>
    </message>
    <message>
        <source>1 event in %1 not labelled: %2</source>
        <translation>1 Ereignis in %1 nicht beschriftet: %2</translation>
    </message>
    <message>
        <source>%1 events in %2 not labelled: %3</source>
        <translation>%1 Ereignisse in %2 nicht beschriftet: %3</translation>
    </message>
    <message>
        <source>no events between %1 and %2</source>
        <translation>keine Ereignisse zwischen %1 und %2</translation>
    </message>
    <message>
        <source>no events on or after %1</source>
        <translation>keine Ereignisse am oder nach dem %1</translation>
    </message>
    <message>
        <source>no events on or before %1</source>
        <translation>keine Ereignisse am oder vor dem %1</translation>
    </message>
    <message>
        <source>no events to export</source>
        <translation>keine Ereignisse zum Exportieren</translation>
    </message>
    <message>
        <source>the start %1 is after the end %2</source>
        <translation>der Beginn %1 liegt nach dem Ende %2</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>Sources (continued)</source>
        <translation>Quellen (Fortsetzung)</translation>
    </message>
    <message>
        <source>%1 of %2 events not labelled in the figure (listed in its notes)</source>
        <translation>%1 von %2 Ereignissen in der Abbildung nicht beschriftet (in ihren Anmerkungen aufgeführt)</translation>
    </message>
    <message>
        <source>%1 of %2 events not labelled in the figure (too many to list; narrow the range or the filters)</source>
        <translation>%1 von %2 Ereignissen in der Abbildung nicht beschriftet (zu viele zum Aufführen; grenzen Sie den Bereich oder die Filter ein)</translation>
    </message>
    <message>
        <source>as of revision %1</source>
        <translation>Stand von Revision %1</translation>
    </message>
    <message>
        <source>exported %1</source>
        <translation>exportiert am %1</translation>
    </message>
    <message>
        <source>1 event</source>
        <translation>1 Ereignis</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1 Ereignisse</translation>
    </message>
    <message>
        <source>1 source</source>
        <translation>1 Quelle</translation>
    </message>
    <message>
        <source>%1 sources</source>
        <translation>%1 Quellen</translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <source>in force until rescinded or replaced</source>
        <translation>in Kraft bis zur Aufhebung oder Ersetzung</translation>
    </message>
</context>
<context>
    <name>TimelineIndex</name>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Alle Ereignisse</translation>
    </message>
</context>
<context>
    <name>TimelineLayout</name>
    <message>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <source>1 event</source>
        <translation>1 Ereignis</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1 Ereignisse</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>No event selected</source>
        <translation>Kein Ereignis ausgewählt</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>no source</source>
        <translation>keine Quelle</translation>
    </message>
    <message>
        <source>1 source</source>
        <translation>1 Quelle</translation>
    </message>
    <message>
        <source>%1 sources</source>
        <translation>%1 Quellen</translation>
    </message>
    <message>
        <source>1 more event here; double-click to zoom in</source>
        <translation>1 weiteres Ereignis hier; zum Hineinzoomen doppelklicken</translation>
    </message>
    <message>
        <source>%1 more events here; double-click to zoom in</source>
        <translation>%1 weitere Ereignisse hier; zum Hineinzoomen doppelklicken</translation>
    </message>
</context>
<context>
    <name>Translations</name>
    <message>
        <source>warning: cannot load %1; those texts stay in English</source>
        <translation>Warnung: %1 kann nicht geladen werden; diese Texte bleiben englisch</translation>
    </message>
</context>
<context>
    <name>UnlinkSourceCommand</name>
    <message>
        <source>Unlink a source from %1</source>
        <translation>Eine Quelle von %1 lösen</translation>
    </message>
</context>
<context>
    <name>WhatsNewDialog</name>
    <message>
        <source>What&apos;s New in ChipTimeline</source>
        <translation>Neuigkeiten in ChipTimeline</translation>
    </message>
    <message>
        <source>The release notes cannot be read: %1</source>
        <translation>Die Versionshinweise können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Version %1 — %2</source>
        <translation>Version %1 – %2</translation>
    </message>
</context>
</TS>
