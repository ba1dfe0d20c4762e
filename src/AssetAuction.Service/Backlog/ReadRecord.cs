using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Backlog;

/// <summary>One record as read from the stream: its line (given, or counted) and its digest.</summary>
public sealed record ReadRecord(long Line, V1.ImportRecord Record, string Digest);
