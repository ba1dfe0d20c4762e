using AssetAuction.Domain.Common;

namespace AssetAuction.Service.Backlog;

/// <summary>Why a record was not imported: the act (or -1), the field path in the record, the reason and a message.</summary>
public sealed record ImportFailure(int ActIndex, string Field, string Reason, string Message)
{
    public static ImportFailure Invalid(string field, string message) => new(-1, field, Reasons.InvalidArgument, message);
}
