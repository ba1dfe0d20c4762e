using AssetAuction.Domain.Proceeds;
using AssetAuction.Service.Grpc;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Proceeds;

internal static class StatementMapping
{
    public static V1.StatementLine ToProto(this StatementLine s) => new()
    {
        StatementId = s.StatementId,
        LineNumber = s.LineNumber,
        ValueDate = s.ValueDate.ToProto(),
        Amount = s.Amount,
        Reference = s.Reference,
        Counterparty = s.Counterparty,
        MatchedTransactionId = s.MatchedTransactionId ?? "",
    };
}
