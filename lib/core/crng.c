/* crng.c -- counter-based Gaussian draws: Philox4x32-10 and a 128-layer ziggurat (see crng.h). */
#include "core/crng.h"

#include <math.h>
#include <Random123/philox.h>

/* The tables, computed by test_crng from the ziggurat's definition in long double and rounded;
 * kept as constants so that no machine's exp or log changes a draw of the fast path. */
const double crng_zig_w[128] = {
  0x1.db4668fe7e49dp-23, 0x1.16db47e193c8ep-26, 0x1.73949184db8e3p-26, 0x1.b4c8fece48dc1p-26,
  0x1.e8e576e43fb4ep-26, 0x1.0a936da5e5567p-25, 0x1.1e0ce6b596975p-25, 0x1.2f98d6bb4f3e5p-25,
  0x1.3fabee1911ca1p-25, 0x1.4e94c08c0ba86p-25, 0x1.5c8afdbf0214cp-25, 0x1.69b7b213f3f3cp-25,
  0x1.763a1600eec49p-25, 0x1.822a858af0e54p-25, 0x1.8d9c6a9d35e15p-25, 0x1.989f85c753b05p-25,
  0x1.a340d1baf5af2p-25, 0x1.ad8b2506a1358p-25, 0x1.b787a7c516f17p-25, 0x1.c13e2b014e83ap-25,
  0x1.cab56ac6a38b2p-25, 0x1.d3f340dda60fcp-25, 0x1.dcfccc51c59dp-25, 0x1.e5d6909f51b4bp-25,
  0x1.ee848e9568251p-25, 0x1.f70a5866c8f29p-25, 0x1.ff6b21fffe2fdp-25, 0x1.03d4e7391c5a9p-24,
  0x1.07e47d87a40e9p-24, 0x1.0be58456ff4a1p-24, 0x1.0fd911b97f22ap-24, 0x1.13c024b2c7ebbp-24,
  0x1.179ba80463fe2p-24, 0x1.1b6c7492c972bp-24, 0x1.1f335374a10edp-24, 0x1.22f0ffbaa1e4ap-24,
  0x1.26a627fb9d115p-24, 0x1.2a536fae30e28p-24, 0x1.2df97057e7efp-24, 0x1.3198ba982d906p-24,
  0x1.3531d7146a433p-24, 0x1.38c54749b9029p-24, 0x1.3c538647ef788p-24, 0x1.3fdd09591d29bp-24,
  0x1.436240982ad93p-24, 0x1.46e39778de059p-24, 0x1.4a617543306c3p-24, 0x1.4ddc3d83a5b7ap-24,
  0x1.515450720f44bp-24, 0x1.54ca0b4ffd33fp-24, 0x1.583dc8bff320fp-24, 0x1.5bafe1165480dp-24,
  0x1.5f20aaa4dfc11p-24, 0x1.62907a0176eb6p-24, 0x1.65ffa248e0164p-24, 0x1.696e755e16b7bp-24,
  0x1.6cdd4426b889cp-24, 0x1.704c5ec50cb78p-24, 0x1.73bc14d01a2cp-24, 0x1.772cb58a39dcdp-24,
  0x1.7a9e90168b8e7p-24, 0x1.7e11f3adaeb8bp-24, 0x1.81872fd21db6cp-24, 0x1.84fe9484873b1p-24,
  0x1.887872788109fp-24, 0x1.8bf51b49ef33p-24, 0x1.8f74e1b37c6b1p-24, 0x1.92f819c682beep-24,
  0x1.967f1924c7affp-24, 0x1.9a0a373c73f1ap-24, 0x1.9d99cd86b58aep-24, 0x1.a12e37c983364p-24,
  0x1.a4c7d45d01a2cp-24, 0x1.a867047516e4ap-24, 0x1.ac0c2c6fc637dp-24, 0x1.afb7b428fe79bp-24,
  0x1.b36a075498d5ep-24, 0x1.b72395df5b735p-24, 0x1.bae4d457ee113p-24, 0x1.beae3c60cd0dep-24,
  0x1.c2804d2c6b16ap-24, 0x1.c65b8c04dbabcp-24, 0x1.ca4084e091e2ep-24, 0x1.ce2fcb05f8c2ep-24,
  0x1.d229f9bfeefd5p-24, 0x1.d62fb52580b8p-24, 0x1.da41aaf79a33ep-24, 0x1.de609397e09b4p-24,
  0x1.e28d331c67237p-24, 0x1.e6c85a849b011p-24, 0x1.eb12e91486bb7p-24, 0x1.ef6dcddc7d38dp-24,
  0x1.f3da09746081ep-24, 0x1.f858aff31cbebp-24, 0x1.fceaeb2ca5f12p-24, 0x1.00c8fea1720d2p-23,
  0x1.0327a1cc4cf5cp-23, 0x1.05921d1c4d768p-23, 0x1.08093fe3e40ep-23, 0x1.0a8ded0ec3719p-23,
  0x1.0d211dd28b00dp-23, 0x1.0fc3e4d95f277p-23, 0x1.12777201834f2p-23, 0x1.153d16d45743cp-23,
  0x1.18164be0c1c37p-23, 0x1.1b04b731f6bcbp-23, 0x1.1e0a342cf08f5p-23, 0x1.2128dd36bdf08p-23,
  0x1.246317a6b53cp-23, 0x1.27bba2b5dbc92p-23, 0x1.2b35aa5ebee3ep-23, 0x1.2ed4df8099571p-23,
  0x1.329d9725e32f7p-23, 0x1.3694f3a3740d9p-23, 0x1.3ac11b8e206d6p-23, 0x1.3f29848d3b416p-23,
  0x1.43d75b60bca1dp-23, 0x1.48d61806d600fp-23, 0x1.4e3456b0e3a1bp-23, 0x1.54052012a04a4p-23,
  0x1.5a61edf7e8f32p-23, 0x1.616dff7c8f54ap-23, 0x1.695c2be68edc9p-23, 0x1.7279dd4ac3f9dp-23,
  0x1.7d45eb36eb841p-23, 0x1.8aa73e440ffbbp-23, 0x1.9c8e0c7c8098fp-23, 0x1.b8a7c476d2be8p-23
};
const double crng_zig_f[128] = {
  0x1p+0, 0x1.ed5cf060d53efp-1, 0x1.df6071934c0c1p-1, 0x1.d37a74ffb7e65p-1,
  0x1.c8d923f9e069p-1, 0x1.bf19b6810e622p-1, 0x1.b6042cf903cd3p-1, 0x1.ad750b7255a35p-1,
  0x1.a55418110d2bap-1, 0x1.9d8fdfaec7c04p-1, 0x1.961b4c1afe594p-1, 0x1.8eec3c5bbfb4dp-1,
  0x1.87faa61a739fep-1, 0x1.814005219cc85p-1, 0x1.7ab6f9c656c2bp-1, 0x1.745b04d027f33p-1,
  0x1.6e2856a006c2ap-1, 0x1.681bab4ebdc2dp-1, 0x1.62322fc593a6ep-1, 0x1.5c696d348e895p-1,
  0x1.56bf39249a24ap-1, 0x1.5131a8efe618cp-1, 0x1.4bbf07c6c219p-1, 0x1.4665cea500fc5p-1,
  0x1.41249dc646457p-1, 0x1.3bfa37453879ap-1, 0x1.36e57aa698273p-1, 0x1.31e5612065d0dp-1,
  0x1.2cf8fa78591c5p-1, 0x1.281f6a5d2447ap-1, 0x1.2357e62428f98p-1, 0x1.1ea1b2d9efcc3p-1,
  0x1.19fc239747fb8p-1, 0x1.1566980fb8bb8p-1, 0x1.10e07b5015e5ep-1, 0x1.0c6942a5bbcb2p-1,
  0x1.08006ca84ddedp-1, 0x1.03a58060e6689p-1, 0x1.feb0191503b2p-2, 0x1.f62f4dd0454b7p-2,
  0x1.edc7d75b7711fp-2, 0x1.e578f9f2c9384p-2, 0x1.dd4204b582995p-2, 0x1.d52250cd9b95ep-2,
  0x1.cd1940ad1b156p-2, 0x1.c5263f5e989d7p-2, 0x1.bd48bfe6a41f4p-2, 0x1.b5803cb422f33p-2,
  0x1.adcc371df417bp-2, 0x1.a62c36ec664fp-2, 0x1.9e9fc9ed3ad1fp-2, 0x1.97268391186ccp-2,
  0x1.8fbffc917616p-2, 0x1.886bd29e2263bp-2, 0x1.8129a811a7664p-2, 0x1.79f923abe1188p-2,
  0x1.72d9f05230378p-2, 0x1.6bcbbcd4c4736p-2, 0x1.64ce3bb887d9bp-2, 0x1.5de12305426f8p-2,
  0x1.57042c17986e6p-2, 0x1.503713768fb4cp-2, 0x1.497998ac51eaep-2, 0x1.42cb7e21e8c6p-2,
  0x1.3c2c88fdb8dddp-2, 0x1.359c810485cc4p-2, 0x1.2f1b307ccfea7p-2, 0x1.28a864146108bp-2,
  0x1.2243eac7e2074p-2, 0x1.1bed95cc5752bp-2, 0x1.15a5387a6603fp-2, 0x1.0f6aa83b46dp-2,
  0x1.093dbc774f1a9p-2, 0x1.031e4e85fb6a9p-2, 0x1.fa18733ed279ap-3, 0x1.ee0eb59e61874p-3,
  0x1.e21f21d12334p-3, 0x1.d64978f7cf9e8p-3, 0x1.ca8d7f9ac2033p-3, 0x1.beeafd99d712p-3,
  0x1.b361be1eb802cp-3, 0x1.a7f18f918fb6dp-3, 0x1.9c9a43902c104p-3, 0x1.915baee792c01p-3,
  0x1.8635a99016384p-3, 0x1.7b280eabfd4c9p-3, 0x1.7032bc88d6779p-3, 0x1.655594a396d62p-3,
  0x1.5a907baface6cp-3, 0x1.4fe359a13823ep-3, 0x1.454e19baa0e7dp-3, 0x1.3ad0aa9dd7fafp-3,
  0x1.306afe619314fp-3, 0x1.261d0aaaebe7dp-3, 0x1.1be6c8cbda97ap-3, 0x1.11c835e71b732p-3,
  0x1.07c1531a2b4a3p-3, 0x1.fba44b5c4de98p-4, 0x1.e7f56ea105fc7p-4, 0x1.d4762ca983a64p-4,
  0x1.c126ac011776dp-4, 0x1.ae071dc7af298p-4, 0x1.9b17be7e63ef5p-4, 0x1.8858d6f54ff37p-4,
  0x1.75cabd60e5dc4p-4, 0x1.636dd69e8c21ap-4, 0x1.514297b239a64p-4, 0x1.3f4987896ad7p-4,
  0x1.2d8341133a33dp-4, 0x1.1bf075c20a9ffp-4, 0x1.0a91f09183c32p-4, 0x1.f2d13368bd129p-5,
  0x1.d0eaf63395869p-5, 0x1.af738c17a5017p-5, 0x1.8e6db483bc1bcp-5, 0x1.6ddc9dd1fe24ap-5,
  0x1.4dc3fcbd99703p-5, 0x1.2e282b724adafp-5, 0x1.0f0e539c89b78p-5, 0x1.e0f951d57e237p-6,
  0x1.a4f57a25d9cc1p-6, 0x1.6a23fa9d5f276p-6, 0x1.309cee4e09983p-6, 0x1.f100847645168p-7,
  0x1.83f4bed1933ap-7, 0x1.1a9b6b3fc193bp-7, 0x1.6ba8b0ffb6282p-8, 0x1.5de9e33726f26p-9
};
const uint32_t crng_zig_k[128] = {
  15555140, 0, 12590646, 14272655, 14988941, 15384586, 15635011, 15807563,
  15933579, 16029596, 16105157, 16166149, 16216401, 16258510, 16294297, 16325080,
  16351833, 16375293, 16396028, 16414481, 16431004, 16445882, 16459345, 16471580,
  16482746, 16492973, 16502371, 16511033, 16519041, 16526461, 16533355, 16539771,
  16545757, 16551350, 16556586, 16561495, 16566103, 16570436, 16574514, 16578356,
  16581979, 16585400, 16588632, 16591687, 16594578, 16597313, 16599904, 16602357,
  16604681, 16606884, 16608971, 16610948, 16612821, 16614596, 16616275, 16617864,
  16619366, 16620785, 16622124, 16623386, 16624574, 16625689, 16626734, 16627712,
  16628623, 16629469, 16630252, 16630973, 16631633, 16632232, 16632772, 16633253,
  16633676, 16634040, 16634345, 16634592, 16634780, 16634909, 16634978, 16634986,
  16634933, 16634816, 16634636, 16634389, 16634074, 16633688, 16633230, 16632697,
  16632084, 16631389, 16630608, 16629736, 16628767, 16627697, 16626519, 16625225,
  16623807, 16622256, 16620562, 16618713, 16616695, 16614493, 16612090, 16609464,
  16606592, 16603448, 16599998, 16596205, 16592024, 16587401, 16582272, 16576558,
  16570162, 16562964, 16554811, 16545510, 16534808, 16522367, 16507732, 16490264,
  16469044, 16442689, 16409025, 16364393, 16302110, 16208407, 16049218, 15707337
};

#define ZIG_R 3.442619855899
/* Philox4x32's round multipliers and key increments (Random123's constants). */
#define PHILOX_M0 0xD2511F53u
#define PHILOX_M1 0xCD9E8D57u
#define PHILOX_W0 0x9E3779B9u
#define PHILOX_W1 0xBB67AE85u

/* The counters as four arrays of CRNG_LANES, so that each round is an elementwise loop. */
void crng_philox_lanes(uint32_t k0, uint32_t k1, uint32_t c0, uint32_t c1, uint32_t *out)
{
  uint32_t x0[CRNG_LANES], x1[CRNG_LANES], x2[CRNG_LANES], x3[CRNG_LANES];
  for (uint32_t l = 0; l < CRNG_LANES; l++) {
    x0[l] = c0 + l;
    x1[l] = c1;
    x2[l] = 0;
    x3[l] = 0;
  }
  for (int round = 0; round < 10; round++) {
    for (uint32_t l = 0; l < CRNG_LANES; l++) {
      const uint64_t p0 = (uint64_t) PHILOX_M0 * x0[l], p1 = (uint64_t) PHILOX_M1 * x2[l];
      const uint32_t y0 = (uint32_t) (p1 >> 32) ^ x1[l] ^ k0, y2 = (uint32_t) (p0 >> 32) ^ x3[l] ^ k1;
      x1[l] = (uint32_t) p1;
      x3[l] = (uint32_t) p0;
      x0[l] = y0;
      x2[l] = y2;
    }
    k0 += PHILOX_W0;
    k1 += PHILOX_W1;
  }
  for (uint32_t l = 0; l < CRNG_LANES; l++) {
    out[4 * l] = x0[l];
    out[4 * l + 1] = x1[l];
    out[4 * l + 2] = x2[l];
    out[4 * l + 3] = x3[l];
  }
}

/* The uniforms of an entry's rejection steps: the words of philox({q, row, c, 1}) in order. */
typedef struct {
  philox4x32_key_t key;
  philox4x32_ctr_t ctr, out;
  int left;
} slow_stream;

static uint32_t slow_word(slow_stream *s)
{
  if (s->left == 0) {
    s->out = philox4x32(s->ctr, s->key);
    s->ctr.v[2]++;
    s->left = 4;
  }
  return s->out.v[4 - s->left--];
}

static double slow_uniform(slow_stream *s) { return ((double) slow_word(s) + 0.5) * 0x1p-32; }

/* The ziggurat's rejection steps for an entry whose word u missed the fast path. */
static double zig_slow(uint32_t k0, uint32_t k1, uint32_t row, uint32_t q, uint32_t u)
{
  slow_stream s = { { { k0, k1 } }, { { q, row, 0, 1 } }, { { 0, 0, 0, 0 } }, 0 };
  for (;;) {
    const uint32_t i = u & 127u, j = u >> 8;
    const double sign = (u & 128u) ? 1.0 : -1.0, x = j * crng_zig_w[i];
    if (j < crng_zig_k[i]) return sign * x;
    if (i == 0) {   /* the tail beyond r (Marsaglia 1964) */
      double a, b;
      do {
        a = -log(slow_uniform(&s)) / ZIG_R;
        b = -log(slow_uniform(&s));
      } while (b + b < a * a);
      return sign * (ZIG_R + a);
    }
    if (crng_zig_f[i] + slow_uniform(&s) * (crng_zig_f[i - 1] - crng_zig_f[i]) < exp(-0.5 * x * x))
      return sign * x;
    u = slow_word(&s);
  }
}

void crng_gaussian_row(uint32_t k0, uint32_t k1, uint32_t row, size_t n, double *out)
{
  enum { BATCH = 4 * CRNG_LANES };
  uint32_t word[BATCH];
  for (size_t q0 = 0; q0 < n; q0 += BATCH) {
    crng_philox_lanes(k0, k1, (uint32_t) (q0 / 4), row, word);
    const size_t nb = n - q0 < BATCH ? n - q0 : BATCH;
    unsigned slow = 0;
    /* Branch-free fast path: the sign from bit 7 as +-1, the misses only counted. */
    for (size_t t = 0; t < nb; t++) {
      const uint32_t u = word[t], i = u & 127u, j = u >> 8;
      out[q0 + t] = (double) j * crng_zig_w[i] * (double) ((int32_t) ((u >> 6) & 2u) - 1);
      slow += j >= crng_zig_k[i];
    }
    for (size_t t = 0; slow && t < nb; t++) {
      const uint32_t u = word[t];
      if ((u >> 8) >= crng_zig_k[u & 127u]) {
        out[q0 + t] = zig_slow(k0, k1, row, (uint32_t) (q0 + t), u);
        slow--;
      }
    }
  }
}
