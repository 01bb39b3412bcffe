# scripts/package: a Debian package made by CPack from the install rules. Its dependencies
# on shared libraries come from dpkg-shlibdeps; only what the program loads as a plugin at
# run time (Qt's SQLite driver), which no linker records, is named here.
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "chiptimeline")
set(CPACK_PACKAGE_VENDOR "The ChipTimeline authors")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "AI-chip export policy as a timeline, traced to its sources")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "ChipTimeline maintainers <maintainers@chiptimeline.org>")
set(CPACK_DEBIAN_PACKAGE_SECTION "science")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${CHIPTIMELINE_HOMEPAGE}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite")
# The first line is the synopsis; the rest, indented by one space, the extended description.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "AI-chip export policy as a timeline, traced to its sources
 ChipTimeline is a desktop application for policy researchers who follow AI-chip
 export policy between the United States and China. Events sit on a zoomable
 timeline, each traceable to the articles that report it, with the supporting
 passage quoted. It searches, filters and curates the timeline, imports from
 reference managers (CSL JSON, RIS, BibTeX) and TimelineJS, and exports figures
 for reports as PNG, SVG or PDF.")
include(CPack)
