#pragma once
// Plain configuration of the output stage. The app (engine/app) fills it from falco.yaml-style
// config and the command line; nothing here parses YAML. Defaults follow Falco's.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace saker::output {

struct StdoutOutputConfig {
  bool enabled = true;
};

struct FileOutputConfig {
  bool enabled = false;
  bool keep_alive = false;  // false: open and close the file around every alert (Falco's default)
  std::string filename;
};

struct SyslogOutputConfig {
  bool enabled = false;
  std::string socket_path = "/dev/log";  // unix datagram socket receiving RFC 3164 messages
  std::string ident = "saker";           // the TAG of each message
};

struct ProgramOutputConfig {
  bool enabled = false;
  bool keep_alive = false;  // false: one program run per alert
  std::string program;      // run through /bin/sh -c
};

struct HttpOutputConfig {
  bool enabled = false;
  std::string url;
  std::string user_agent = "falcosecurity/falco";
  std::vector<std::pair<std::string, std::string>> custom_headers;  // name, value
  bool insecure = false;     // do not verify the server certificate nor its name
  std::string ca_cert;       // CA file (PEM); Falco's ca_cert
  std::string ca_bundle;     // CA bundle file; used when ca_cert is empty
  std::string ca_path;       // directory of hashed CA certificates
  bool mtls = false;         // present client_cert/client_key
  std::string client_cert;
  std::string client_key;
  bool compress_uploads = false;  // gzip the body, Content-Encoding: gzip
  bool keep_alive = false;        // reuse one connection across alerts
  bool echo = false;              // write the server's reply to stdout (debugging)
};

// Falco's grpc + grpc_output sections. bind_address "unix:///path" serves without TLS;
// any other address (host:port) requires the three PEM files and verifies client certificates.
struct GrpcOutputConfig {
  bool enabled = false;              // grpc.enabled and grpc_output.enabled
  std::string bind_address = "unix:///run/saker/saker.sock";
  int threadiness = 0;               // 0: number of CPUs
  std::string private_key;
  std::string cert_chain;
  std::string root_certs;
  std::size_t backlog = 10000;       // alerts kept for `get` and per `sub` stream; oldest dropped
};

// An extra piece of output added to the rules that match (Falco's append_output).
struct AppendOutputRule {
  std::string match_source;             // empty: any source
  std::vector<std::string> match_tags;  // all must be on the rule; empty: any
  std::string match_rule;               // empty: any rule
  std::string extra_output;             // appended to the message after a space
  // extra_fields: (name, format). A plain field name has format "" (its own value is used);
  // a named entry {name: "text %field"} renders the format.
  std::vector<std::pair<std::string, std::string>> extra_fields;
};

struct OutputsConfig {
  // Formatting.
  bool json_output = false;
  bool json_include_output_property = true;
  bool json_include_tags_property = true;
  bool json_include_message_property = false;
  bool json_include_output_fields_property = true;
  bool time_format_iso_8601 = false;
  std::string hostname;  // empty: gethostname(), or env FALCO_HOSTNAME/SAKER_HOSTNAME

  // Rule output decorations (applied when a rule's formatter is compiled).
  std::string extra_format;           // -p; "%container.info" in a rule output is replaced by it
  bool replace_container_info = false;
  std::vector<AppendOutputRule> append_output;

  // Delivery.
  bool buffered_outputs = false;  // false (or -U): flush after every alert
  std::uint64_t queue_capacity = 0;  // outputs_queue.capacity; 0 = unbounded
  std::uint32_t output_timeout_ms = 2000;
  double rate = 0;           // alerts per second; 0 = no limit (Falco's default)
  double max_burst = 1000;   // bucket size when rate > 0
  std::uint32_t max_retries = 2;     // per alert per channel after the first attempt
  std::uint32_t retry_backoff_ms = 50;

  // Channels.
  StdoutOutputConfig stdout_output;
  FileOutputConfig file_output;
  SyslogOutputConfig syslog_output;
  ProgramOutputConfig program_output;
  HttpOutputConfig http_output;
  GrpcOutputConfig grpc_output;

  // Reported by the gRPC version service.
  std::string version = "0.0.0";
  std::string engine_version = "0.0.0";
  std::string engine_fields_checksum;
};

}  // namespace saker::output
