using AssetAuction.Contracts.V1;
using AssetAuction.Service.Data;
using AssetAuction.Service.Grpc;

namespace AssetAuction.Service.Audit;

internal static class AuditMapping
{
    public static AuditEntry ToProto(this AuditRecord e) => new()
    {
        Sequence = e.Sequence,
        Time = e.Time.ToProto(),
        Subject = e.Subject,
        Role = e.Role,
        Office = e.Office,
        Rpc = e.Rpc,
        Resource = e.Resource,
        RequestId = e.RequestId,
        BeforeJson = e.BeforeJson,
        AfterJson = e.AfterJson,
        Hash = e.Hash,
        PreviousHash = e.PreviousHash,
    };
}
