#include "engine/rules/compiler.h"

#include <algorithm>
#include <map>

#include "engine/filter/check.h"
#include "engine/filter/expand.h"
#include "engine/filter/parser.h"

namespace saker::rules {

namespace {

// Total nodes macro expansion may create while compiling one ruleset (hostile input bound).
constexpr size_t kExpansionBudget = size_t{1} << 22;

[[noreturn]] void fail(ErrorCode code, std::string message, const Context& ctx) {
  throw LoadError{code, std::move(message), ctx};
}

void quote_item(std::string& e) {
  if (e.find(' ') != std::string::npos && !e.empty() && e[0] != '"' && e[0] != '\'') {
    e.insert(e.begin(), '"');
    e.push_back('"');
  }
}

void paren_item(std::string& e) {
  if (e.empty() || e[0] != '(') {
    e.insert(e.begin(), '(');
    e.push_back(')');
  }
}

bool is_list_operator(const std::string& op) { return op == "in" || op == "intersects" || op == "pmatch"; }

Context condition_context(const Context& parent, const std::string& condition, const filter::Pos& pos) {
  return parent.condition(condition, pos.line, pos.column, pos.offset);
}

class Compiler {
 public:
  Compiler(const Collector& c, const CompilerOptions& o, CompiledRuleset* out, LoadResult& r)
      : col_(c), opts_(o), out_(out), result_(r) {}

  void run() {
    compile_lists();
    compile_macros();
    compile_rules();
    for (size_t i = 0; i < col_.macros().size(); ++i) {
      if (!macro_used_[i]) {
        result_.add_warning(WarningCode::LOAD_UNUSED_MACRO, "Macro not referred to by any other rule/macro",
                            col_.macros()[i].ctx);
      }
    }
    for (size_t i = 0; i < col_.lists().size(); ++i) {
      if (!list_used_[i]) {
        result_.add_warning(WarningCode::LOAD_UNUSED_LIST, "List not referred to by any other rule/macro",
                            col_.lists()[i].ctx);
      }
    }
  }

 private:
  void compile_lists() {
    const auto& lists = col_.lists();
    list_used_.assign(lists.size(), false);
    std::map<std::string, size_t> by_name;
    for (size_t i = 0; i < lists.size(); ++i) by_name[lists[i].name] = i;
    for (const auto& l : lists) {
      std::vector<std::string> items;
      for (const auto& item : l.items) {
        auto it = by_name.find(item);
        if (it != by_name.end() && lists[it->second].index < l.visibility) {
          list_used_[it->second] = true;
          items.insert(items.end(), lists[it->second].items.begin(), lists[it->second].items.end());
        } else {
          items.push_back(item);
        }
      }
      list_set_.add(l.name, items);
    }
  }

  // Parses a condition and substitutes lists; errors are LOAD_ERR_COMPILE_CONDITION.
  filter::NodePtr parse_condition(const std::string& cond, const Context& ctx) {
    filter::ParseResult parsed = filter::parse(cond);
    if (!parsed.ok()) {
      fail(ErrorCode::LOAD_ERR_COMPILE_CONDITION, parsed.error->message,
           condition_context(ctx, cond, parsed.error->pos));
    }
    std::vector<bool> used;
    if (auto err = list_set_.expand(*parsed.ast, &used)) {
      fail(ErrorCode::LOAD_ERR_COMPILE_CONDITION, err->message, condition_context(ctx, cond, err->pos));
    }
    for (size_t i = 0; i < used.size() && i < list_used_.size(); ++i) {
      if (used[i]) list_used_[i] = true;
    }
    return std::move(parsed.ast);
  }

  void expand(filter::NodePtr& ast, const filter::MacroLookup& lookup, const std::string& cond,
              const Context& ctx) {
    filter::MacroExpansion exp = filter::expand_macros(ast, lookup, budget_);
    budget_ -= std::min(budget_, exp.nodes_created);
    for (const auto& name : exp.used) {
      if (const MacroInfo* m = col_.find_macro(name)) macro_used_[position_of(*m)] = true;
    }
    if (exp.error) fail(ErrorCode::LOAD_ERR_VALIDATE, exp.error->message, condition_context(ctx, cond, exp.error->pos));
  }

  size_t position_of(const MacroInfo& m) const { return static_cast<size_t>(&m - col_.macros().data()); }

  void compile_macros() {
    const auto& macros = col_.macros();
    macro_used_.assign(macros.size(), false);
    parsed_.resize(macros.size());
    expanded_.resize(macros.size());
    for (size_t i = 0; i < macros.size(); ++i) parsed_[i] = parse_condition(macros[i].cond, macros[i].cond_ctx);
    for (size_t i = 0; i < macros.size(); ++i) {
      const uint32_t visibility = macros[i].visibility;
      filter::MacroLookup lookup = [&](std::string_view name) -> const filter::Node* {
        const MacroInfo* m = col_.find_macro(std::string(name));
        if (m == nullptr || m->index >= visibility) return nullptr;
        size_t j = position_of(*m);
        return expanded_[j] ? expanded_[j].get() : parsed_[j].get();
      };
      filter::NodePtr ast = filter::clone(*parsed_[i]);
      expand(ast, lookup, macros[i].cond, macros[i].ctx);
      expanded_[i] = std::move(ast);
    }
  }

  void compile_rules() {
    filter::MacroLookup lookup = [&](std::string_view name) -> const filter::Node* {
      const MacroInfo* m = col_.find_macro(std::string(name));
      return m ? expanded_[position_of(*m)].get() : nullptr;
    };
    const bool analyze = opts_.event_types && opts_.event_types->universe_size() > 0;
    for (const auto& r : col_.rules()) {
      if (r.unknown_source) continue;
      CompiledRule rule;
      std::string cond = r.cond;
      if (!r.exceptions.empty()) cond = condition_with_exceptions(r.cond, r.exceptions, &rule.exception_fields);
      if (opts_.fields) {
        std::string bad = first_invalid_output_token(r.output, *opts_.fields);
        if (!bad.empty()) {
          std::string msg = "invalid formatting token " + bad;
          if (r.skip_if_unknown_filter) {
            result_.add_warning(WarningCode::LOAD_UNKNOWN_FIELD, msg, r.output_ctx);
            continue;
          }
          fail(ErrorCode::LOAD_ERR_COMPILE_OUTPUT, msg, r.output_ctx);
        }
      }
      filter::NodePtr ast = parse_condition(cond, r.cond_ctx);
      expand(ast, lookup, cond, r.ctx);
      if (opts_.fields) {
        filter::CheckOptions copts;
        copts.fields = opts_.fields;
        copts.event_types = analyze ? opts_.event_types : nullptr;
        if (auto err = filter::check(*ast, copts)) {
          Context ctx = condition_context(r.cond_ctx, cond, err->pos);
          if (err->unknown && r.skip_if_unknown_filter) {
            result_.add_warning(WarningCode::LOAD_UNKNOWN_FIELD, err->message, ctx);
            continue;
          }
          fail(ErrorCode::LOAD_ERR_COMPILE_CONDITION, err->message, ctx);
        }
      }
      if (analyze && r.source == "syscall") {
        rule.event_types = filter::event_types_of(*ast, *opts_.event_types);
        if (rule.event_types.size() > filter::kNoEvttypeThreshold && r.warn_evttypes) {
          result_.add_warning(WarningCode::LOAD_NO_EVTTYPE,
                              "Rule matches too many evt.type values. This has a significant performance penalty.",
                              r.ctx);
        }
      }
      rule.name = r.name;
      rule.desc = r.desc;
      rule.output = r.output;
      rule.source = r.source;
      rule.priority = r.priority;
      rule.tags = r.tags;
      rule.enabled = r.enabled;
      rule.condition = std::shared_ptr<const filter::Node>(std::move(ast));
      out_->rules.push_back(std::move(rule));
    }
    out_->required_plugins = col_.plugins();
  }

  const Collector& col_;
  const CompilerOptions& opts_;
  CompiledRuleset* out_;
  LoadResult& result_;
  filter::ListSet list_set_;
  std::vector<bool> list_used_, macro_used_;
  std::vector<filter::NodePtr> parsed_, expanded_;
  size_t budget_ = kExpansionBudget;
};

}  // namespace

std::string condition_with_exceptions(const std::string& cond, const std::vector<ExceptionInfo>& exceptions,
                                      std::set<std::string>* fields) {
  std::string condition;
  condition.reserve(cond.size() + 2);
  condition.push_back('(');
  condition.append(cond);
  condition.push_back(')');
  std::string tmp;
  for (const auto& ex : exceptions) {
    std::string icond;
    if (!ex.fields.is_list) {
      for (const auto& val : ex.values) {
        if (val.is_list) fail(ErrorCode::LOAD_ERR_VALIDATE, "Expected values array to contain a list of strings", ex.ctx);
        icond += icond.empty() ? ("(" + ex.fields.item + " " + ex.comps.item + " (") : ", ";
        fields->insert(ex.fields.item);
        tmp = val.item;
        quote_item(tmp);
        icond += tmp;
      }
      icond += icond.empty() ? "" : "))";
    } else {
      icond.clear();
      icond.push_back('(');
      for (const auto& values : ex.values) {
        if (ex.fields.items.size() != values.items.size()) {
          fail(ErrorCode::LOAD_ERR_VALIDATE, "Fields and values lists must have equal length", ex.ctx);
        }
        icond += icond == "(" ? "" : " or ";
        icond += "(";
        for (size_t k = 0; k < ex.fields.items.size(); ++k) {
          icond += k == 0 ? "" : " and ";
          std::string istr;
          const std::string& comp = k < ex.comps.items.size() ? ex.comps.items[k].item : std::string("=");
          if (values.items[k].is_list) {
            istr.clear();
            istr.push_back('(');
            for (const auto& v : values.items[k].items) {
              tmp = v.item;
              quote_item(tmp);
              istr += istr == "(" ? "" : ", ";
              istr += tmp;
            }
            istr.push_back(')');
          } else {
            istr = values.items[k].item;
            if (is_list_operator(comp)) {
              paren_item(istr);
            } else {
              quote_item(istr);
            }
          }
          icond += " " + ex.fields.items[k].item + " " + comp + " " + istr;
          fields->insert(ex.fields.items[k].item);
        }
        icond += ")";
      }
      icond += ")";
      if (icond == "()") icond.clear();
    }
    condition += icond.empty() ? "" : " and not " + icond;
  }
  return condition;
}

std::string first_invalid_output_token(const std::string& output, const filter::FieldProvider& fields) {
  for (size_t i = 0; i < output.size(); ++i) {
    if (output[i] != '%') continue;
    size_t j = i + 1;
    bool braced = j < output.size() && output[j] == '{';
    if (braced) ++j;
    size_t start = j;
    while (j < output.size() && (std::isalnum(static_cast<unsigned char>(output[j])) || output[j] == '_' ||
                                 output[j] == '.')) {
      ++j;
    }
    if (j == start) continue;
    std::string name = output.substr(start, j - start);
    while (!name.empty() && name.back() == '.') name.pop_back();
    std::optional<std::string> arg;
    if (j < output.size() && output[j] == '[') {
      size_t close = output.find(']', j);
      if (close != std::string::npos) {
        arg = output.substr(j + 1, close - j - 1);
        j = close + 1;
      }
    }
    i = j - 1;
    if (name == "container.info") continue;  // Falco keeps accepting this deprecated token
    filter::FieldError err;
    if (!fields.resolve(name, arg, &err)) return name;
  }
  return "";
}

bool compile_rules(const Collector& collector, const CompilerOptions& options, CompiledRuleset* out,
                   LoadResult& result) {
  try {
    Compiler(collector, options, out, result).run();
  } catch (const LoadError& e) {
    result.add_error(e.code, e.message, e.ctx);
    return false;
  }
  return true;
}

}  // namespace saker::rules
