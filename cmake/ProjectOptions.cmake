# One INTERFACE target carries the language level, warnings, sanitizers and Qt's safety
# macros; every target of the project links it, so no target can drift from the rules.
add_library(chiptimeline_options INTERFACE)
add_library(ChipTimeline::options ALIAS chiptimeline_options)

target_compile_features(chiptimeline_options INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)

target_compile_options(chiptimeline_options INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual
  -Wcast-qual -Wformat=2 -Wimplicit-fallthrough
  $<$<BOOL:${CHIPTIMELINE_WERROR}>:-Werror>)

target_compile_definitions(chiptimeline_options INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_CAST_FROM_BYTEARRAY
  QT_NO_URL_CAST_FROM_STRING
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_NO_CONTEXTLESS_CONNECT
  QT_USE_QSTRINGBUILDER
  QT_STRICT_ITERATORS
  QT_DISABLE_DEPRECATED_BEFORE=0x060400
  QT_DISABLE_DEPRECATED_UP_TO=0x060400
  QT_MESSAGELOGCONTEXT)

if(CHIPTIMELINE_SANITIZE)
  target_compile_options(chiptimeline_options INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(chiptimeline_options INTERFACE -fsanitize=address,undefined)
endif()
