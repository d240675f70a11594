{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEAKBxB2r1vTSNSo79o6Ms0w619utJE/4/irBg8qzlWKZ0=",
  "publicKeyFingerprint" : "d9252b219e5bf017b693214ceda42e9507a96c0f0a4134693477449babc119da",
  "report" : "household-two-currencies.html",
  "reportSha256" : "8bb3dc02407180a252dac3770455cabdba97117a64ba43fc98231346cf37dcbe",
  "verifiedThroughPosition" : 702,
  "headHash" : "7ad2ccdeddbda8ec6b2181b5ea2f62fc6b9f0e7331c6a177855c91bce2e8c7bd",
  "signature" : "RsDGN24xHbzK04qpHE7yDycBEkhKMFV2BpqqkNGyk4ql50f5Hf+wCTUydmjOecX7dABy718iVr9ooZhqdHv6DQ=="
}