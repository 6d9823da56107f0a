# _qgov_hex_array(var file): the bytes of `file` as a C initializer list ('\x3a','\x72',…) in ${var}, their count in
# ${var}_size. Byte arrays (not raw string literals) so that any byte sequence survives and no length limit applies.
# Included by the build-time scripts embed_plan.cmake and embed_text.cmake.
function(_qgov_hex_array var file)
  file(READ "${file}" _hex HEX)
  string(LENGTH "${_hex}" _len)
  math(EXPR _bytes "${_len} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," _body "${_hex}")
  # wrap lines every 24 bytes to keep the generated file readable by tools
  string(REGEX REPLACE "(('\\\\x[0-9a-f][0-9a-f]',){24})" "\\1\n  " _body "${_body}")
  set(${var} "${_body}" PARENT_SCOPE)
  set(${var}_size "${_bytes}" PARENT_SCOPE)
endfunction()
