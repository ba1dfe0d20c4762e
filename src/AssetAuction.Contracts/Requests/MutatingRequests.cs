namespace AssetAuction.Contracts.V1;

// The one hand-written file of the contracts: typed handles on the generated request messages, so code that
// handles every mutation alike (the service's write path, a client's retry helper) reads request_id, name and
// etag through an interface instead of looking fields up by name. A unit test in the service checks that every
// request message with a request_id field is listed here.

/// <summary>A request that changes something: it carries a client-chosen UUID so that a retry is answered once.</summary>
public interface IMutatingRequest
{
    /// <summary>The request_id field: a UUID; a retry with the same one gets the stored response.</summary>
    string RequestId { get; set; }
}

/// <summary>A mutation of one named resource, guarded by the etag the client last read (empty: no guard).</summary>
public interface IVersionedRequest : IMutatingRequest
{
    /// <summary>The resource name, for example assets/{asset}.</summary>
    string Name { get; set; }

    /// <summary>The etag the client read; the change is refused with ETAG_MISMATCH when the resource moved on.</summary>
    string Etag { get; set; }
}

public sealed partial class CreateAuctionOrganizationRequest : IMutatingRequest;

public sealed partial class FreezeWorkingYearReportRequest : IMutatingRequest;

public sealed partial class ImportStatementRequest : IMutatingRequest;

public sealed partial class PrepareDistributionPlanRequest : IMutatingRequest;

public sealed partial class RecordLedgerCorrectionRequest : IMutatingRequest;

public sealed partial class RecordRemittanceRequest : IMutatingRequest;

public sealed partial class RegisterObligationRequest : IMutatingRequest;

public sealed partial class RegisterSeizureRequest : IMutatingRequest;

public sealed partial class ReverseLedgerTransactionRequest : IMutatingRequest;

public sealed partial class AcceptCreditorTakeoverRequest : IVersionedRequest;

public sealed partial class ApproveDistributionPlanRequest : IVersionedRequest;

public sealed partial class CancelAuctionResultRequest : IVersionedRequest;

public sealed partial class CancelAuctionRoundRequest : IVersionedRequest;

public sealed partial class CompleteCreditorTakeoverRequest : IVersionedRequest;

public sealed partial class ExtendBuyerPaymentRequest : IVersionedRequest;

public sealed partial class PostponeAuctionRoundRequest : IVersionedRequest;

public sealed partial class RecordAuctionResultRequest : IVersionedRequest;

public sealed partial class RecordBuyerDefaultRequest : IVersionedRequest;

public sealed partial class RecordBuyerPaymentRequest : IVersionedRequest;

public sealed partial class RecordCoOwnerOfferRequest : IVersionedRequest;

public sealed partial class RecordDebtorKeepsAssetRequest : IVersionedRequest;

public sealed partial class RecordHandoverRequest : IVersionedRequest;

public sealed partial class RecordLandDocumentsSentRequest : IVersionedRequest;

public sealed partial class RecordPayoutRequest : IVersionedRequest;

public sealed partial class RecordRevaluationRequest : IVersionedRequest;

public sealed partial class RecordValuationRequest : IVersionedRequest;

public sealed partial class RedeemAssetRequest : IVersionedRequest;

public sealed partial class ReducePriceRequest : IVersionedRequest;

public sealed partial class ReleaseSeizureRequest : IVersionedRequest;

public sealed partial class RequestRevaluationRequest : IVersionedRequest;

public sealed partial class ReturnToDebtorRequest : IVersionedRequest;

public sealed partial class ScheduleAuctionRoundRequest : IVersionedRequest;

public sealed partial class ScheduleHandoverRequest : IVersionedRequest;

public sealed partial class SignAuctionContractRequest : IVersionedRequest;

public sealed partial class SuspendAuctionRoundRequest : IVersionedRequest;

public sealed partial class WithdrawDistributionPlanRequest : IVersionedRequest;
