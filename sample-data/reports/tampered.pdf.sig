{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEALjXVrRQEwJoGgOuHgGRm1T/NLXmv7z+cykSRCigheHk=",
  "publicKeyFingerprint" : "3b36961fa8dc34f7f2175f4591dd288bccc84e4d0eb2d3cb0d78ceb56b553e86",
  "report" : "tampered.pdf",
  "reportSha256" : "b8dd9b1e3af6f1bbcdc0d01747fef93e808f70fcdf8f46969f9f8e65c5e84b7c",
  "verifiedThroughPosition" : 249,
  "headHash" : "177d9302601cc3d81df1e751fcf1096164619e39dc7064ce6717f379987e2f5f",
  "signature" : "GniOzbIcTvZr2h9JkTrghiaQd+DCPA0rjBT05Q/xQ9d24CeskxbgqN6zEiegllzqASQ4ym3I5buZhQZO4wEdAg=="
}