{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEAc4tgVFbRyXMu9pT6UTlzO2XoBLpJa8L9n2qe66NrKk0=",
  "publicKeyFingerprint" : "c2ad7f92347aa2a6b78f44529d999e4f3d8c21040291b6bcabfa4411f25a4db6",
  "report" : "small-business-checking-Q2.pdf",
  "reportSha256" : "65aff9e08df467a5694e23c0ed9ce87094e4ae84841284aafbb96021a9658db8",
  "verifiedThroughPosition" : 762,
  "headHash" : "20453ce825eaa30b83a7a257d316cc2b2a9130c3304c93cae1e2f6efcf9c35d6",
  "signature" : "ksHF97OcmToswkhTc+8f/NWr3/gIUCgOJgEuZC9tKXeAgGxe7MoZvHO4v/rd1nIyhDsKYqQ3/WW8Rv5ZeifOBA=="
}