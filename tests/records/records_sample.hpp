// The 15 inspection records checked by hand in docs/records.md (the worked examples), shared by the record tests.
#pragma once

#include <qgov/version.hpp>

#include <string>

#include <qgov/core/date.hpp>
#include <qgov/records/records_csv.hpp>

namespace qgov::inline QGOV_ABI::test {

inline const std::string header = std::string(records::records_csv_header) + "\n";

// 15 records checked by hand in docs/records.md (the worked examples).
inline const std::string sample = header +
    "R1,food_evaluative,district,2025-01-10,华明街道,糕点,E1,pass,,,,\n"
    "R2,food_evaluative,district,2025-02-10,华明街道,糕点,E2,fail,2025-02-15,2025-03-01,2025-03-20,pass\n"
    "R3,food_evaluative,municipal,2025-04-01,金钟街道,乳制品,E1,pass,,,,\n"
    "R4,agri_monitoring,district,2025-05-05,金钟街道,蔬菜,E3,pass,,,,\n"
    "R5,agri_monitoring,district,2025-05-06,金钟街道,水果,E3,fail,2025-05-10,,,\n"
    "R6,product_supervisory,district,2025-03-03,华明街道,C13,E4,fail,2025-03-10,2025-04-01,2025-04-20,pass\n"
    "R7,product_supervisory,district,2025-03-03,华明街道,C14,E5,fail,2025-03-10,,,\n"
    "R8,product_supervisory,municipal,2025-06-01,金钟街道,C13,E6,fail,2025-06-10,,,\n"
    "R9,product_supervisory,national,2025-02-01,华明街道,C14,E7,fail,2025-02-05,2025-03-01,2025-04-10,fail\n"
    "R10,product_supervisory,district,2025-01-05,金钟街道,C13,E8,pass,,,,\n"
    "R11,product_supervisory,district,2025-01-06,金钟街道,\"C14\",E9,pass,,,,\n"
    "R12,product_supervisory,district,2025-03-06,华明街道,C13,E10,pass,,,,\n"
    "R13,product_supervisory,district,2025-03-20,华明街道,C13,E11,fail,2025-03-25,2025-05-30,2025-06-05,pass\n"
    "R14,product_supervisory,district,2025-01-20,华明街道,C13,E12,fail,2025-01-25,2025-02-20,,\n"
    "R15,product_supervisory,district,2025-06-20,华明街道,C13,E13,fail,,,,\n";

inline date d(const char* s) { return *parse_iso_date(s); }

}  // namespace qgov::test
