{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEAbLVi4vK2zuxXPYl7EqARht5dfHUXubDp+JnK8vXJg3Y=",
  "publicKeyFingerprint" : "e16de2f9057eeacada089ff0cf6e1eaccfe27c6244359dbda4e76960f4a19db1",
  "report" : "household-two-currencies.html",
  "reportSha256" : "39e1c2ab51957b0018ab979ad44936b27af81178ed97658c3b0537d880813bb1",
  "verifiedThroughPosition" : 686,
  "headHash" : "08153ea4832bc8aca3385b15f66d598a99c3e7b9daf3193db3b7642bd31ecfea",
  "signature" : "PQUvXdz7bN2JhxZkO0IQ53D+uLcn1iRCsTK6apgLRLxTsjlpsgT5knBYhw2+IKGG6tptCEg9Jh8Y183vjLRcCQ=="
}