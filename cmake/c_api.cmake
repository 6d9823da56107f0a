# libqgov.so — the C interface (include/qgov/qgov.h, docs/c-api.md) as a shared library, target qgov_c, exported as
# qgov::c. It links the static C++ library (qgov::qgov, libqgov.a) inside itself and exports only the qgov_*
# functions: hidden visibility, the archive's symbols excluded, and a version script (cmake/qgov_c.map).
#
# The SONAME follows the ABI promise: libqgov.so.MAJOR from 1.0 on; while the major version is 0, every minor
# release may break the ABI, so the SONAME is libqgov.so.0.MINOR (and the CMake package asks for SameMinorVersion).
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(QGOV_SOVERSION "${PROJECT_VERSION_MAJOR}.${PROJECT_VERSION_MINOR}")
else()
  set(QGOV_SOVERSION "${PROJECT_VERSION_MAJOR}")
endif()

add_library(qgov_c SHARED src/capi/qgov_c.cpp)
add_library(qgov::c ALIAS qgov_c)
target_link_libraries(qgov_c PRIVATE qgov)
target_include_directories(qgov_c PRIVATE "${CMAKE_CURRENT_SOURCE_DIR}/src")  # "detail/utf8.hpp"
target_include_directories(qgov_c PUBLIC
  $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/include>
  $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
set_target_properties(qgov_c PROPERTIES
  OUTPUT_NAME qgov            # libqgov.so beside the static C++ libqgov.a: different files, see docs/c-api.md
  VERSION ${PROJECT_VERSION}
  SOVERSION ${QGOV_SOVERSION}
  C_VISIBILITY_PRESET hidden
  CXX_VISIBILITY_PRESET hidden
  VISIBILITY_INLINES_HIDDEN ON
  EXPORT_NAME c
  LINK_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/cmake/qgov_c.map")
target_link_options(qgov_c PRIVATE
  "LINKER:--exclude-libs,ALL"
  "LINKER:--version-script=${CMAKE_CURRENT_SOURCE_DIR}/cmake/qgov_c.map")
# Every symbol resolved at link time (not with clang's or the sanitizers' runtimes, which leave some to the host).
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND NOT QGOV_SANITIZE)
  target_link_options(qgov_c PRIVATE "LINKER:-z,defs")
endif()
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  # tests/capi's ABI check (abidw) reads the interface's types from DWARF: the one source that defines the interface
  # keeps full debug info in Debug even when the rest is built with less (scripts/test.sh uses -g1 for speed)
  target_compile_options(qgov_c PRIVATE $<$<CONFIG:Debug>:-g>)
  target_compile_options(qgov_c PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion)
endif()

if(QGOV_INSTALL)
  install(TARGETS qgov_c EXPORT qgov-targets
          LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
          RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  # pkg-config file beside the CMake package (lib/pkgconfig/qgov.pc next to lib/cmake/qgov/), relocatable: the
  # prefix is found from the file's own directory, so a copied or --prefix'ed install works as it is.
  file(RELATIVE_PATH QGOV_PC_PREFIX_FROM_PCDIR "${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig" "${CMAKE_INSTALL_PREFIX}")
  string(REGEX REPLACE "/$" "" QGOV_PC_PREFIX_FROM_PCDIR "${QGOV_PC_PREFIX_FROM_PCDIR}")
  configure_file(cmake/qgov.pc.in "${CMAKE_CURRENT_BINARY_DIR}/qgov.pc" @ONLY)
  install(FILES "${CMAKE_CURRENT_BINARY_DIR}/qgov.pc" DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
endif()
