# Prints a plan file's goal ids and unit names, one per line ("goal <id>", "unit <id> <name>"), for
# browser_test.sh: CMake's string(JSON) reads the file, so the test needs no JSON tool beyond CMake itself.
# Usage: cmake -DPLAN_JSON=plan.json -P plan_names.cmake
file(READ "${PLAN_JSON}" _plan)
string(JSON _goals LENGTH "${_plan}" goals)
math(EXPR _last "${_goals} - 1")
foreach(i RANGE ${_last})
  string(JSON _id GET "${_plan}" goals ${i} id)
  message(NOTICE "goal ${_id}")
endforeach()
string(JSON _units LENGTH "${_plan}" units)
math(EXPR _last "${_units} - 1")
foreach(i RANGE ${_last})
  string(JSON _id GET "${_plan}" units ${i} id)
  string(JSON _name GET "${_plan}" units ${i} name)
  message(NOTICE "unit ${_id} ${_name}")
endforeach()
