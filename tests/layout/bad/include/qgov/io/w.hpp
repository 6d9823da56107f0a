// fixture: a public header that has behaviour but no test of its own
#pragma once
inline int w() { return 1; }
