using System.Runtime.CompilerServices;
using AssetAuction.Service.Data;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AssetAuction.Service.Journal;

/// <summary>
/// Looks up the answer stored under a request_id (its <see cref="IdempotencyRecord"/>), which every mutation does
/// before it decides, with one plain command made from the model (<see cref="ModelCommand"/>). As an EF Core query
/// it was 4% of RegisterSeizure's CPU in a profile, nearly all of it EF Core's own work per call (the expression's
/// funcletizing, the query cache lookup, the shaper), to find in most cases that there is no such row.
/// </summary>
internal static class StoredAnswers
{
    private static readonly ConditionalWeakTable<IModel, Statement> Made = [];

    /// <summary>The record stored under <paramref name="requestId"/> (without its create time), or null.</summary>
    public static Task<IdempotencyRecord?> FindAsync(AssetAuctionDbContext db, string requestId, CancellationToken ct)
    {
        var s = Made.GetValue(db.Model, _ => Statement.Build(db));
        return ModelCommand.ReadAsync(db, s.Text, [s.RequestId], [requestId], static async (reader, ct) =>
            await reader.ReadAsync(ct)
                ? new IdempotencyRecord { RequestId = reader.GetString(0), Subject = reader.GetString(1), Method = reader.GetString(2), RequestHash = reader.GetString(3), Response = (byte[])reader.GetValue(4) }
                : null, ct);
    }

    /// <summary>The statement's text on <paramref name="db"/>'s provider (for tests).</summary>
    internal static string Text(AssetAuctionDbContext db) => Made.GetValue(db.Model, _ => Statement.Build(db)).Text;

    private sealed record Statement(string Text, ModelCommand.Parameter RequestId)
    {
        public static Statement Build(AssetAuctionDbContext db)
        {
            string Column(string property) => ModelCommand.Column(db, typeof(IdempotencyRecord), property);
            var requestId = ModelCommand.ParameterFor(db, typeof(IdempotencyRecord), nameof(IdempotencyRecord.RequestId), "requestId");
            var text = $"SELECT {Column(nameof(IdempotencyRecord.RequestId))}, {Column(nameof(IdempotencyRecord.Subject))}, {Column(nameof(IdempotencyRecord.Method))}, "
                + $"{Column(nameof(IdempotencyRecord.RequestHash))}, {Column(nameof(IdempotencyRecord.Response))} "
                + $"FROM {ModelCommand.Table(db, typeof(IdempotencyRecord))} WHERE {Column(nameof(IdempotencyRecord.RequestId))} = {requestId.Name}";
            return new Statement(text, requestId);
        }
    }
}
