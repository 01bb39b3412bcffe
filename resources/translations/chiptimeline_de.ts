<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AddEventCommand</name>
    <message>
        <source>Add %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddSourceCommand</name>
    <message>
        <source>Add source “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppStreamReleases</name>
    <message>
        <source>line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a &lt;release&gt; without a version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>release %1: the date “%2” is not YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no &lt;releases&gt; in the metainfo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BulkEditDialog</name>
    <message>
        <source>Bulk Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the selected event:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the %1 selected events:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unchanged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no category)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add tags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove tags:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CategoryManagerDialog</name>
    <message>
        <source>Manage Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key used in files: lower case, digits and dashes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the lane is called on screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use lower case letters, digits and dashes, e.g. us-export-control.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another category is already called %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename category “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recolour category “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reorder categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has one event. Move it to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has %2 events. Move them to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no category)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move and Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Use the database file PATH instead of the default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON instead of text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only events on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only events on or before DATE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only events in category C, its key or its legend name, any case (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only events involving actor A, any case (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only events about chip X, any case (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only events with status S (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only events matching the full-text query TEXT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write to FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On records already present: skip, update or keep-both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only count what the import would add, update or skip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the database read-only: reading works, changing is refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speak LANG (de or en) instead of the system&apos;s language; export draws the figure in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--from %1 is after --to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--status: &apos;%1&apos; is not one of confirmed, reported, disputed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 &apos;%2&apos; matches no %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; the database has no %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; closest: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage:
  chiptimeline [--db PATH] [--lang de|en]    open the window
  chiptimeline [--db PATH] list [--json] [filters]
  chiptimeline [--db PATH] search QUERY [--json] [filters]
  chiptimeline [--db PATH] import FILE... [--format F] [--policy skip|update|keep-both] [--dry-run]
  chiptimeline [--db PATH] export-data --out FILE [--format F] [filters]
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  chiptimeline [--db PATH] reproduce FIGURE --out FILE   redraw a figure from its record
  chiptimeline [--db PATH] check [--json]    SQLite&apos;s integrity check, then dataset health

--read-only opens the database without changing it (the window then disables editing).
--lang de|en speaks German or English instead of the system&apos;s language (LANGUAGE, LANG).

Filters: --from DATE --to DATE --category C... --actor A... --chip X... --status S... --query TEXT
DATE is YYYY, YYYY-MM or YYYY-MM-DD. C is a category&apos;s key or its name in the legend
(china-policy or &quot;China policy&quot;); C, A and X match in any case (--chip h20). A value that
names nothing fails (exit 1) with the closest names. Repeated, a filter matches any value.
Exit status: 0 success, 1 failure, 2 usage error.
import formats: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export-data formats: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown language %1; available: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 needs a command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the option --%2 does not apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reproduce: give exactly one FIGURE (a PNG, SVG or PDF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reproduce: --out FILE is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search: give exactly one QUERY (quote it if it has spaces)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: unexpected argument &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--policy: &apos;%1&apos; is not one of skip, update, keep-both</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Confirmations</name>
    <message>
        <source>Discard changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The changes to %1 have not been saved. Discard them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep Editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” already exists in %2. Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the import?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An import is being written. Stop it? Nothing of it is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Continue Importing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabaseSafety</name>
    <message>
        <source>Nothing is shown or changed. No good backup was found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is shown or changed. The newest good backup is %1: use File → Restore From Backup….</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only (%1): browsing, searching and exporting work; editing is off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore From Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no backup of %1 yet (backups are kept in %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup to restore:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the database by the backup of %1? Changes made since are lost; the current file is kept as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot restore the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeleteCategoryCommand</name>
    <message>
        <source>Delete category “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeleteEventsCommand</name>
    <message>
        <source>Delete %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeleteSourceCommand</name>
    <message>
        <source>Delete source “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DuplicateEventCommand</name>
    <message>
        <source>%1 (copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditCommands</name>
    <message numerus="yes">
        <source>Delete %n events</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Edit %n events</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditEventCommand</name>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditSourceCommand</name>
    <message>
        <source>Edit source “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditingController</name>
    <message>
        <source>&amp;New Event…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit Event…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;uplicate Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Event…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge Selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bulk Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;Source…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage &amp;Categories…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo &amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is read-only (%1); nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1 (%2)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n events?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its links to sources go with it. Undo (Ctrl+Z) brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actors, chips, tags and sources of both are kept; the other event is deleted. Undo brings both back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge %1 with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep title, dates and description of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the dates of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventDetailsView</name>
    <message>
        <source>Event details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an event on the timeline to see its details and sources.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actors:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chips:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No source reports this event yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No address recorded for this source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[image not shown: %1]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link not opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventEditorDialog</name>
    <message>
        <source>New Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened, in one line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 15.08.2025, Aug 2025 or 2025</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;End:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty for a single date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Major</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>St&amp;atus:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Importance:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated, e.g. Nvidia, US Commerce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated, e.g. H20</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ac&amp;tors:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hips:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown: **bold**, *italic*, [link](https://…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supporting quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a source to link…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sou&amp;rces:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A title is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A start date is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end (%1) is before the start (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The supporting passage, in the source&apos;s language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where in the source: para. 3, p. 12, …</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventStatus</name>
    <message>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stated officially or by several independent reports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one outlet or unnamed sources; not independently confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contradicted by another source.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventTableModel</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportImageDialog</name>
    <message>
        <source>Export Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. US export controls on AI chips, 2022–2025</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ubtitle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slide (1920 × 1080)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A4 landscape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A4 portrait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter landscape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter portrait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Si&amp;ze:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto (300 dpi for paper)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG only: device pixels per pixel of the figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG s&amp;cale:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print (greyscale-safe)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By chip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One lane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lanes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full (outlet, title, date, address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short (outlet, title, date)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbered source notes under the timeline; in PDF and SVG every address is a link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source &amp;notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date before each label (ᰒ Aug 2025 — …”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attribution &amp;line at the foot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Image to Clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2 pixels, %3 dpi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2 mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taller than the size asked for, to fit all source notes (a PDF keeps the page size and continues them on further pages).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Image</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search events and sources (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide non-matching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked: events that do not match are hidden.
Unchecked: they stay on the timeline, dimmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actor…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chip…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From date…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To date…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste filter text…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a date: YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove filter %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterText</name>
    <message>
        <source>unknown field &quot;%1&quot; (q, category, actor, chip, tag, status, from, to, sources)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is given twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown status &quot;%1&quot; (confirmed, reported, disputed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2 (YYYY, YYYY-MM or YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sources is yes or no, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search words are given both with q: and without</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterText::Error</name>
    <message>
        <source>column %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HealthDialog</name>
    <message>
        <source>Dataset Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p style=&apos;font-size:large&apos;&gt;&lt;b&gt;No problems found&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Every event cites a source with an address, every source is cited, and every date fits its sources.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsourced events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events whose sources all lack an address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events dated after their sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources without address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources cited by no event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources with an unsafe address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing backs these up, so no reader can check them. Cite what reports them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their evidence cannot be found again: add a URL or DOI to a source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Either the date is wrong or the event was announced in advance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neither URL nor DOI: a reader cannot look the article up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link them to the events they report, or remove them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same article twice splits its citations: merge the two.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A javascript:, file: or data: address is never opened: replace it with the article&apos;s web address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked %1 events and %2 sources.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 findings&lt;/b&gt; in %2 groups, checked across %3 events and %4 sources. Double-click a finding to show it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>ChipTimeline User Guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the previous place in the guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guide&apos;s table of contents</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageExporter</name>
    <message>
        <source>the size &apos;%1&apos; is outside 320x240 .. 20000x20000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the size &apos;%1&apos; is not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot tell the image format without an extension (use .png, .svg or .pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown image format &apos;%1&apos; (use png, svg or pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the scale %1 is not between 1 and 4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the resolution %1 dpi is not between 72 and 1200</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 units tall instead of %2, to keep every source note (a PDF keeps the page size and continues the notes on further pages)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ChipTimeline figure</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>%1 new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Files&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-detect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip — keep the database&apos;s version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update — take the file&apos;s version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep both — add the file&apos;s as a new record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Already in the database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the import will do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All importable files (*.json *.csv *.timeline *.ics *.ris *.bib *.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ChipTimeline (*.chiptimeline.json *.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TimelineJS (*.json *.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline (*.timeline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iCalendar (*.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSL-JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RIS (*.ris)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BibTeX (*.bib)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article text (*.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ChipTimeline JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TimelineJS JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TimelineJS sheet (CSV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline (.timeline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iCalendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSL-JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RIS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BibTeX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BibLaTeX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1 (%2 of %3)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing with the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New categories: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the files to import, or drop them here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is imported while a file cannot be read: fix it or remove it from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is read-only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to import: the database already holds all of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is written until you press Import; then all of it is, or none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the import: nothing of it is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import was stopped; nothing of it was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported: %1 events added, %2 updated, %3 skipped; %4 sources added, %5 updated, %6 skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the import did</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing: %L1 of %L2 events written…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkSourceCommand</name>
    <message>
        <source>Link a source to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>%1 — ChipTimeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset &amp;Health…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore From Backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The timeline image is on the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lanes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By &amp;Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By &amp;Actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By C&amp;hip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Saved Views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What&apos;s &amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About ChipTimeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About ChipTimeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;ChipTimeline&lt;/b&gt; %1&lt;br&gt;AI-chip export policy as a timeline, every event traceable to its sources.&lt;br&gt;Database: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Current View…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the view:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the view “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Current View as Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open View from Text…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the text of a view:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View not deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 events · %2 sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read-only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No browser could open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Timeline…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a &amp;Copy As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists: open it with File → Open, or choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ChipTimeline databases (*.sqlite)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ChipTimeline databases (*.sqlite *.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved a copy as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a Copy As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists: choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Timeline from the Bundled Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI-chip export controls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MergeEventsCommand</name>
    <message>
        <source>Merge %1 into %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MoveEventCommand</name>
    <message>
        <source>Move %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewStrip</name>
    <message>
        <source>Overview of all events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All events: drag the window to move the timeline, click to centre it there</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Parser</name>
    <message>
        <source>A &quot;)&quot; without its &quot;(&quot; was ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a word on both sides; it was ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOT needs a word before it, as in &quot;H20 NOT licence&quot;; it was ignored with the word after it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brackets nested more than %1 deep: the words inside them are all searched for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A &quot;)&quot; was missing; it was added at the end.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System follows the desktop&apos;s colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language applies on next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slide (1920 × 1080)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A4 landscape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A4 portrait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter landscape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter portrait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print (greyscale-safe)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full (outlet, title, date, address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short (outlet, title, date)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Image starts with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Si&amp;ze:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source &amp;notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Author name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept for the history of changes; empty: your user name, %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>The database is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

The newest good backup is from %2 (%3). Restore it? Changes made since are lost; the damaged file is kept as %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import into a new timeline?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is a timeline file. ChipTimeline keeps timelines in databases: import its events and sources into a new timeline?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ChipTimeline databases (*.sqlite)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecentFiles</name>
    <message>
        <source>%1 (not found)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent timelines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove Missing Timelines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Scanner</name>
    <message>
        <source>unknown escape &quot;\%1&quot; (use \&quot; or \\)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quote not closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a space is needed after the closing quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a quote may only open a value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchQuery</name>
    <message>
        <source>Nothing to search for: type a word.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchResultsPane</name>
    <message>
        <source>Type in the search field above the timeline to see ranked results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>match “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing matches.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SourceEditorDialog</name>
    <message>
        <source>A DOI looks like 10.1234/abc (“doi:” and https://doi.org/ are fine).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headline or document title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>News article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Official document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reuters, Financial Times, BIS, …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Outlet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family, Given; Family, Given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;uthors:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;DOI:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 15.08.2025</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ccessed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Published:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>en, de, zh-Hans, …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xcerpt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A title is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A source&apos;s address must start with http:// or https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A language code such as en, de or zh-Hans.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SourceTableModel</name>
    <message>
        <source>No event cites this source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lang.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SourcesPane</name>
    <message>
        <source>Filter sources by title, outlet, language…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link not opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No address recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cited by 1 event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cited by %1 events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartPanel</name>
    <message>
        <source>This timeline is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start it with events from a file, the first event typed by hand, or the AI-chip export-control dataset that comes with ChipTimeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events and sources from a ChipTimeline, CSV, TimelineJS, Timeline or iCalendar file, or references from Zotero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the First Event…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type an event with its date, status and sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the AI-Chip Export-Control Dataset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A copy of the bundled dataset, events from 2022 on with their sources, in a new timeline of your own to change as you like</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent timelines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove Missing Timelines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the timelines marked “not found” off the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not found)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No other timelines yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineFigureBuilder</name>
    <message>
        <source>no category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reported (dashed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disputed (hatched)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no source yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>month or year only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>events too close to label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>see %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, see [%2]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 event is not labelled at this size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 events are not labelled at this size; narrow the range or the filters to see them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>see note [%1]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>see notes [%1]–[%2]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 events not labelled: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 event in %1 not labelled: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 events in %2 not labelled: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the start %1 is after the end %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources (continued)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 events not labelled in the figure (listed in its notes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 events not labelled in the figure (too many to list; narrow the range or the filters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exported %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineIndex</name>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineLayout</name>
    <message>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No event selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 more event here; double-click to zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 more events here; double-click to zoom in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Translations</name>
    <message>
        <source>warning: cannot load %1; those texts stay in English</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlinkSourceCommand</name>
    <message>
        <source>Unlink a source from %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhatsNewDialog</name>
    <message>
        <source>What&apos;s New in ChipTimeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The release notes cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
