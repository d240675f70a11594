{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEAc4tgVFbRyXMu9pT6UTlzO2XoBLpJa8L9n2qe66NrKk0=",
  "publicKeyFingerprint" : "c2ad7f92347aa2a6b78f44529d999e4f3d8c21040291b6bcabfa4411f25a4db6",
  "report" : "tampered.pdf",
  "reportSha256" : "42280ea90313dc7263cab09a1ef58d7bd7537d5b69d60eb27c0c23b868366cfe",
  "verifiedThroughPosition" : 249,
  "headHash" : "177d9302601cc3d81df1e751fcf1096164619e39dc7064ce6717f379987e2f5f",
  "signature" : "lf/PLHyv4tdccwaZaph3cWJEUg1qyTHL8BSOfFnBInNggLnX1hEOtwWqJAc4UVqA/jjb2XHGDsS09tZ/M2fwAg=="
}