# ctest: cmake -DLUPDATE=... -DTS=... -DSOURCE_DIR=... -DWORK=... -P CheckTranslations.cmake
# Runs lupdate over app/, model/ and ui/ into a copy of the German .ts and fails when any
# text is unfinished (new or changed in the code, not yet translated) or vanished (obsolete).
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
file(COPY "${TS}" DESTINATION "${WORK}")
get_filename_component(name "${TS}" NAME)
execute_process(
  COMMAND "${LUPDATE}" -locations none -silent "${SOURCE_DIR}/app" "${SOURCE_DIR}/model"
          "${SOURCE_DIR}/ui" -ts "${WORK}/${name}"
  RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "lupdate failed (${result})")
endif()
file(STRINGS "${WORK}/${name}" untranslated REGEX "type=\"(unfinished|vanished|obsolete)\"")
list(LENGTH untranslated count)
if(count GREATER 0)
  file(READ "${WORK}/${name}" updated)
  string(REGEX MATCHALL "<source>[^<]*</source>\n[ ]*<translation type=\"(unfinished|vanished|obsolete)\"" found "${updated}")
  message(FATAL_ERROR "${count} German texts are unfinished or obsolete; run the target "
    "update_translations and translate them in ${TS}:\n${found}")
endif()
message(STATUS "German: every text translated, none obsolete")
