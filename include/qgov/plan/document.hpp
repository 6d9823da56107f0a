// qgov/plan/document.hpp — the published document a plan comes from: its title, number, issuer and date.
#pragma once

#include <qgov/version.hpp>

#include <string>

#include <qgov/core/date.hpp>
#include <qgov/core/spanned_text.hpp>

namespace qgov::inline QGOV_ABI {

/// The document header as printed, e.g. 东丽政发〔2024〕5号 issued by 东丽区人民政府 on 2024-08-22.
struct document {
  spanned_text title;         ///< the plan's own title, e.g. 东丽区质量强区建设实施方案
  spanned_text notice_title;  ///< the covering notice's title; may be printed across lines (text has them removed)
  spanned_text number;        ///< the document number, e.g. 东丽政发〔2024〕5号
  spanned_text issuer;        ///< the issuing authority, e.g. 东丽区人民政府
  spanned_text issued_on_text;  ///< the date as printed, e.g. 2024年8月22日
  date issued_on;             ///< the same date, parsed
  spanned_text disclosure;    ///< the disclosure mark, e.g. 此件主动公开 (empty text when the document has none)
  std::string title_en;       ///< an English title for reports
  friend bool operator==(const document&, const document&) = default;
};

}  // namespace qgov
