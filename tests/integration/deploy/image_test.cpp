// The top-level Dockerfile builds offline with `podman build` (FROM scratch, bin/dist as the
// context), and its static binaries run in other images through --volumes-from (the ECS and
// sidecar pattern): in the busybox image, in a glibc Debian userland, and in the image itself,
// which has no shell and no libc (distroless-like). Prints the image's size.
#include "tests/integration/deploy/podman_env.h"

namespace saker::deploy_test {
namespace {

class SakerImage : public PodmanSuite {
 protected:
  void SetUp() override {
    PodmanSuite::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    tag_ = "localhost/" + unique("saker-image") + ":test";
    carrier_ = unique("saker-carrier");
    ASSERT_EQ(build_saker_image(tag_), "");
    // A container of the image (prints the version, exits) whose /saker volume the others mount.
    Outcome c = sh("podman run --name " + carrier_ + " " + tag_);  // fills the /saker volume
    ASSERT_EQ(c.code, 0) << c.err;
  }
  void TearDown() override {
    if (!carrier_.empty()) sh("podman rm -f -v -t 0 " + carrier_ + " >/dev/null");
    if (!tag_.empty()) sh("podman rmi -f " + tag_ + " >/dev/null");
  }

  // saker-wrap from the image's volume wrapping `cat /etc/shadow` in another image.
  void expect_wrapped_cat_alerts(const std::string& image) {
    Outcome r = sh("podman run --rm --cap-add SYS_PTRACE --volumes-from " + carrier_ + ":ro " + image +
                   " /saker/saker-wrap -- cat /etc/shadow");
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, "root:*:19000:0:99999:7:::\n");
    EXPECT_NE(r.err.find("Sensitive file opened for reading by an untrusted program (file=/etc/shadow"),
              std::string::npos)
        << r.err;
  }

  std::string tag_, carrier_;
};

TEST_F(SakerImage, BuildsSmallWithTheStaticBinariesRulesAndConfig) {
  Outcome size = sh("podman image inspect -f '{{.Size}}' " + tag_);
  ASSERT_EQ(size.code, 0) << size.err;
  const long long bytes = std::stoll(trim(size.out));
  std::printf("saker image size: %lld bytes (%.1f MB)\n", bytes, bytes / 1e6);
  EXPECT_GT(bytes, 1000000);
  EXPECT_LT(bytes, 60000000) << "the image should hold static binaries and rules only";
  // The engine runs with no shell and no libc around it: validate the bundled rules.
  Outcome v = sh("podman run --rm " + tag_ + " -V /saker/saker_rules.yaml");
  EXPECT_EQ(v.code, 0) << v.out << v.err;
}

TEST_F(SakerImage, BinariesRunInBusybox) { expect_wrapped_cat_alerts(image_); }

TEST_F(SakerImage, BinariesRunInADebianUserland) {
  const std::string deb = "localhost/" + unique("saker-debian-like") + ":test";
  Outcome mk = sh(quote(kSource + "/tests/integration/deploy/debian_like_image.sh") + " " + deb);
  ASSERT_EQ(mk.code, 0) << mk.err;
  Outcome os = sh("podman run --rm " + deb + " cat /etc/debian_version");
  EXPECT_FALSE(trim(os.out).empty()) << os.err;
  expect_wrapped_cat_alerts(deb);
  sh("podman rmi -f " + deb + " >/dev/null");
}

TEST_F(SakerImage, WrapsInAnImageWithoutShellOrLibc) {
  // The image itself: saker-wrap runs the static `saker --version` as its workload.
  Outcome r = sh("podman run --rm --cap-add SYS_PTRACE --entrypoint '[\"/saker/saker-wrap\", \"--\"]' " + tag_ +
                 " /saker/saker --version");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("aker"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace saker::deploy_test
