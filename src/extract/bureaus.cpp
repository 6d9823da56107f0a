// The bureau dictionary: the usual names of local government bodies, their short forms, canonical English names
// and kinds. Names follow the State Council's 2023 institutional line-up as mirrored at province, city, county
// and district level; English names follow the forms those bodies use on their own English pages (e.g. "Market
// Regulation Bureau", "Development and Reform Commission"). See docs/extract.md.
#include <qgov/extract/bureaus.hpp>

#include <array>

namespace qgov::inline QGOV_ABI {
namespace {

struct entry {
  std::string_view id;
  std::string_view canonical;
  std::string_view aliases;  // short forms separated by |
  std::string_view name_en;  // without the level: "Market Regulation Bureau"
  unit_kind kind = unit_kind::district_bureau;
};

constexpr auto bureau = unit_kind::district_bureau;
constexpr auto party = unit_kind::party_mass_organisation;
constexpr auto branch = unit_kind::branch_office;
constexpr auto judicial = unit_kind::judicial_organ;

constexpr std::array<entry, 58> entries = {{
    {"development_reform", "发展和改革委员会", "发改委|发展改革委|发展改革局|发改局|发展和改革局", "Development and Reform Commission", bureau},
    {"education", "教育局", "教育委员会|教委|教体局|教育和体育局", "Education Bureau", bureau},
    {"science_technology", "科学技术局", "科技局|科学技术委员会|科委|科技和工业信息化局|科工信局", "Science and Technology Bureau", bureau},
    {"industry_it", "工业和信息化局", "工信局|工业和信息化委员会|经信委|经信局|经济和信息化局|经济和信息化委员会|工业和信息化委", "Industry and Information Technology Bureau", bureau},
    {"public_security", "公安局", "公安分局", "Public Security Bureau", branch},
    {"civil_affairs", "民政局", "", "Civil Affairs Bureau", bureau},
    {"justice", "司法局", "", "Justice Bureau", bureau},
    {"finance", "财政局", "", "Finance Bureau", bureau},
    {"human_resources", "人力资源和社会保障局", "人社局|人力社保局", "Human Resources and Social Security Bureau", bureau},
    {"natural_resources", "自然资源局", "自然资源和规划局|规划和自然资源局|规资局|自然资源和规划分局|规资分局|规划资源局", "Natural Resources and Planning Bureau", bureau},
    {"ecology_environment", "生态环境局", "环保局|生态环境分局", "Ecology and Environment Bureau", bureau},
    {"housing_construction", "住房和城乡建设委员会", "住建委|住建局|住房和城乡建设局|住房城乡建设局|建委|城乡建设委员会", "Housing and Urban-Rural Development Bureau", bureau},
    {"transport", "交通运输局", "交通局|交通运输委员会|交通委|运管局|交通运输管理局", "Transport Bureau", bureau},
    {"water", "水务局", "水利局|水利和湖泊局", "Water Affairs Bureau", bureau},
    {"agriculture_rural", "农业农村局", "农业农村委|农业农村委员会|农委|农业局|农业农村和水利局", "Agriculture and Rural Affairs Bureau", bureau},
    {"commerce", "商务局", "商务委|商务委员会|商务和投资促进局", "Commerce Bureau", bureau},
    {"culture_tourism", "文化和旅游局", "文旅局|文化旅游局|文旅体局|文化广电旅游局|文广旅局|文化和旅游体育局|文化广电和旅游局|文化旅游体育局", "Culture and Tourism Bureau", bureau},
    {"health", "卫生健康委员会", "卫健委|卫生健康局|卫健局|卫生和健康委员会", "Health Commission", bureau},
    {"veterans_affairs", "退役军人事务局", "退役军人局", "Veterans Affairs Bureau", bureau},
    {"emergency_management", "应急管理局", "应急局", "Emergency Management Bureau", bureau},
    {"audit", "审计局", "", "Audit Bureau", bureau},
    {"state_assets", "国有资产监督管理委员会", "国资委|国资局", "State-owned Assets Supervision and Administration Commission", bureau},
    {"market_regulation", "市场监督管理局", "市场监管局|市场监管委|市场监督管理委员会|市场监管分局|市场监督管理分局", "Market Regulation Bureau", bureau},
    {"sports", "体育局", "", "Sports Bureau", bureau},
    {"statistics", "统计局", "", "Statistics Bureau", bureau},
    {"medical_security", "医疗保障局", "医保局", "Healthcare Security Bureau", bureau},
    {"urban_management", "城市管理委员会", "城管委|城管局|城市管理局|城市管理综合执法局|综合行政执法局", "Urban Management Bureau", bureau},
    {"government_services", "政务服务办公室", "政务服务办|政务服务中心|政务服务管理局|行政审批局|政务服务局|政务服务和大数据管理局", "Government Services Office", bureau},
    {"data", "数据局", "大数据局|大数据管理局|数据资源局|大数据发展管理局|数据管理局", "Data Bureau", bureau},
    {"intellectual_property", "知识产权局", "", "Intellectual Property Office", bureau},
    {"investment_promotion", "投资促进局", "投促局|招商局|合作交流办", "Investment Promotion Bureau", bureau},
    {"forestry", "林业局", "林业和草原局|林草局", "Forestry and Grassland Bureau", bureau},
    {"radio_tv", "广播电视局", "广电局", "Radio and Television Bureau", bureau},
    {"ethnic_religious", "民族宗教事务局", "民宗局", "Ethnic and Religious Affairs Bureau", bureau},
    {"taxation", "税务局", "税务分局", "Taxation Bureau (State Taxation Administration)", branch},
    {"customs", "海关", "", "Customs", unit_kind::customs},
    {"fire_rescue", "消防救援支队", "消防救援大队|消防救援局", "Fire and Rescue Brigade", branch},
    {"meteorology", "气象局", "", "Meteorological Bureau", branch},
    {"post", "邮政管理局", "", "Postal Administration", branch},
    {"financial_regulation", "金融监管局", "金融监督管理局|地方金融监督管理局|金融局|金融办|金融工作局", "Financial Regulation Bureau", bureau},
    {"procuratorate", "人民检察院", "检察院", "People's Procuratorate", judicial},
    {"court", "人民法院", "法院", "People's Court", judicial},
    {"publicity", "委宣传部", "宣传部", "Publicity Department of the Party Committee", party},
    {"organisation", "委组织部", "组织部", "Organisation Department of the Party Committee", party},
    {"cyberspace", "委网信办", "网信办", "Cyberspace Affairs Office of the Party Committee", party},
    {"party_school", "委党校", "党校", "Party School", party},
    {"trade_unions", "总工会", "", "Federation of Trade Unions", party},
    {"youth_league", "团委", "共青团", "Committee of the Communist Youth League", party},
    {"women_federation", "妇联", "妇女联合会", "Women's Federation", party},
    {"disabled_federation", "残联", "残疾人联合会", "Disabled Persons' Federation", party},
    {"science_association", "科协", "科学技术协会", "Association for Science and Technology", party},
    {"commerce_federation", "工商联", "工商业联合会", "Federation of Industry and Commerce", party},
    {"credit", "信用办", "社会信用体系建设办公室", "Social Credit Office", bureau},
    {"government_office", "政府办公室", "政府办|人民政府办公室", "Government General Office", bureau},
    {"housing_fund", "住房公积金管理中心", "公积金中心", "Housing Provident Fund Centre", bureau},
    {"grain_reserve", "粮食和物资储备局", "粮食局|发展改革委（粮食和物资储备局）", "Food and Strategic Reserves Bureau", bureau},
    {"energy", "能源局", "", "Energy Bureau", bureau},
    {"tobacco", "烟草专卖局", "烟草局", "Tobacco Monopoly Bureau", branch},
}};

struct level_t {
  std::string_view prefix;
  std::string_view english;
};
// Longest first; 团区委 style names put the level inside (handled below).
constexpr std::array<level_t, 7> levels = {{
    {"省", "Provincial "}, {"市", "Municipal "}, {"区", "District "}, {"县", "County "}, {"州", "Prefectural "},
    {"旗", "Banner "}, {"镇", "Town "},
}};

bool matches(std::string_view rest, const entry& e) {
  if (rest == e.canonical) return true;
  std::string_view a = e.aliases;
  while (!a.empty()) {
    const auto bar = a.find('|');
    const auto alias = a.substr(0, bar);
    if (rest == alias) return true;
    if (bar == std::string_view::npos) break;
    a.remove_prefix(bar + 1);
  }
  return false;
}

}  // namespace

std::optional<known_bureau> lookup_bureau(std::string_view name) {
  auto find = [](std::string_view rest, std::string_view english_level) -> std::optional<known_bureau> {
    for (const auto& e : entries) {
      if (!matches(rest, e)) continue;
      known_bureau b;
      b.id = std::string(e.id);
      b.canonical = std::string(e.canonical);
      b.name_en = std::string(english_level) + std::string(e.name_en);
      b.kind = e.kind;
      return b;
    }
    return std::nullopt;
  };
  // 团区委, 团市委: the level inside the name
  if (name == "团区委") return find("团委", "District ");
  if (name == "团市委") return find("团委", "Municipal ");
  if (name == "团县委") return find("团委", "County ");
  // the whole name first (市场监管局 has no level), then with its level read off (区市场监管局)
  if (auto b = find(name, "")) return b;
  for (const auto& l : levels)
    if (name.starts_with(l.prefix) && name.size() > l.prefix.size())
      if (auto b = find(name.substr(l.prefix.size()), l.english)) return b;
  return std::nullopt;
}

}  // namespace qgov
