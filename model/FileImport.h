#pragma once

#include "model/ImportPolicy.h"
#include "model/ImportPreview.h"
#include "model/InputError.h"
#include "model/formats/DatasetFormats.h"

#include <QString>

#include <functional>

class ImportControl;
class TimelineStore;

// Importing one file into the store, as `chiptimeline import FILE` does.
//
// The native exchange file and a TimelineJS sheet (CSV), the formats of large files, are read
// on a second thread while the store writes what has been read so far
// (TimelineStore::importParts, one transaction): reading and writing overlap, and a few
// thousand events are in memory at a time, whatever the size of the file. The file is mapped;
// the native file's pages already read are given back as the reading goes on. A reading that
// fails undoes the transaction: a sheet's message names file, line and column; where the
// native fast reader is not sure (every malformed file included), the file is read again the
// thorough way, which imports it whole or names file, line and field.
//
// Any other format is read whole first (readDatasetFile), then imported.
//
// The window's Import dialog previews a single file with previewFile and then imports it
// with importFile and an ImportControl (progress, and a Stop between two parts).
namespace FileImport {

// How many events the reader hands over at a time: the first part is large enough for the
// store's decisions on the whole import (TimelineStore::importParts); later ones are small,
// so the reader is never far ahead of the writer.
struct PartSizes {
    qsizetype first = 5000;
    qsizetype later = 2000;
};

// False with `message` (one line, naming the file or the database) when nothing was imported:
// also when `control` was stopped (its message says so).
bool importFile(TimelineStore &store, const QString &path, DatasetFormat format,
                ImportPolicy policy, ImportSummary *summary, QString *message, PartSizes sizes = {},
                const ImportControl *control = nullptr);

// Reads the file as importFile does (the native file and a sheet in parts, each counted and
// dropped, so memory stays small; other formats whole) into `counter`, and gives the format
// it was read as. False with `error` (file, line, field) when it cannot be read, or with an
// empty error when `cancelled` returned true (asked between two parts).
bool previewFile(const QString &path, DatasetFormat format, ImportPreview::Counter &counter,
                 DatasetFormat *readAs, InputError *error,
                 const std::function<bool()> &cancelled = {}, PartSizes sizes = {});

} // namespace FileImport
