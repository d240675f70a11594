{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEALjXVrRQEwJoGgOuHgGRm1T/NLXmv7z+cykSRCigheHk=",
  "publicKeyFingerprint" : "3b36961fa8dc34f7f2175f4591dd288bccc84e4d0eb2d3cb0d78ceb56b553e86",
  "report" : "audit-case.html",
  "reportSha256" : "d3d2d6c31a382b29fe9684621bbb71cb92345f908c1e26a310db2b12bc3d9727",
  "verifiedThroughPosition" : 693,
  "headHash" : "c14ce2236b7f2680abfb4b1efd2b5b8d7037218fe9f2b0c9ee0a8300a3e5e164",
  "signature" : "51MgZ3iqu27oeB7VBH8cnL8XaAwaDlDMmRYtaAWnVJxGaEkKetkkigOU6elFbitOxy+cb7c4OCJ1A6R552ioCg=="
}