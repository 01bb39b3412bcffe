# scripts/package: a Debian package made by CPack from the install rules. Its dependencies
# on shared libraries come from dpkg-shlibdeps; only what the program loads as a plugin at
# run time (Qt's SQLite driver), which no linker records, is named here.
# CPack installs by building `preinstall`, which would otherwise build every test first:
# scripts/package builds what the package holds, and installing needs nothing more.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)
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
# The synopsis is CPACK_PACKAGE_DESCRIPTION_SUMMARY; CPack indents these lines under it.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "ChipTimeline is a desktop application for policy researchers who
follow AI-chip export policy between the United States and China. Events
sit on a zoomable timeline, each traceable to the articles that report it,
with the supporting passage quoted. It searches, filters and curates the
timeline, imports from reference managers (CSL JSON, RIS, BibTeX) and
TimelineJS, and exports figures for reports as PNG, SVG or PDF.")
include(CPack)
