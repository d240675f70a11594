{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEAd2U0ha8xaHt9vfZmn6BTw+Rtq5hbi0pT+WbKWRXSy/Q=",
  "publicKeyFingerprint" : "aa0ec2fc6e890463ecf4bf1f8cc73b2ee51562b8ae49dd7325100f793efa8b5d",
  "report" : "audit-case-user-controller.html",
  "reportSha256" : "142eb885a3c28a745ffba5da0777c0895e8666113142a01fa8434c68e98c0b9f",
  "verifiedThroughPosition" : 625,
  "headHash" : "01a5ee30431fd61ac72dfbc8a1e47027c007df769c9d97d3b7ae6500f60cb3a9",
  "signature" : "Q8IgKY2GATiDXGWPYq1FuqF5nLXdgd362GyMEWxVIw51J7A32971lcvV1W6Iblg52SaYc/jHKOJEYbU3ByA+DQ=="
}