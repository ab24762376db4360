using Halyard.Core.Model;

namespace Halyard.Hyperliquid;

/// <summary>What the data client connects to and what it streams. Immutable; <see cref="Validate"/> names the field at fault.</summary>
public sealed record HyperliquidDataClientConfig
{
    public HyperliquidNetwork Network { get; init; } = HyperliquidNetwork.Testnet;
    /// <summary>Mainnet is refused unless this is set: a typo must not connect to real money.</summary>
    public bool AllowMainnet { get; init; }
    /// <summary>Null for the network's public endpoints; set to point at the simulator.</summary>
    public HyperliquidEndpoints? Endpoints { get; init; }
    /// <summary>Instruments subscribed at start; more can be subscribed at run time.</summary>
    public IReadOnlyList<InstrumentId> Instruments { get; init; } = [];
    public bool SubscribeQuotes { get; init; } = true;
    public bool SubscribeTrades { get; init; } = true;
    public bool SubscribeBook { get; init; } = true;
    /// <summary>Mark price and funding rate from <c>activeAssetCtx</c>.</summary>
    public bool SubscribeMarkPrices { get; init; }
    public HyperliquidInstrumentConfig InstrumentLoading { get; init; } = new();
    /// <summary>Heartbeat: the venue drops a connection after 60 s without traffic.</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(30);

    public HyperliquidEndpoints ResolvedEndpoints => Endpoints ?? HyperliquidEndpoints.For(Network);

    public HyperliquidDataClientConfig Validate()
    {
        HyperliquidConfigs.ValidateNetwork(Network, AllowMainnet, Endpoints);
        ResolvedEndpoints.Validate(nameof(Endpoints));
        if (Instruments is null) throw new HyperliquidConfigException(nameof(Instruments), null, "must not be null");
        var seen = new HashSet<InstrumentId>();
        foreach (InstrumentId id in Instruments)
        {
            if (id is null) throw new HyperliquidConfigException(nameof(Instruments), null, "must not contain null");
            if (id.Venue.Name != InstrumentId.DefaultVenueName)
                throw new HyperliquidConfigException(nameof(Instruments), id, $"must be on venue {InstrumentId.DefaultVenueName}");
            if (!seen.Add(id)) throw new HyperliquidConfigException(nameof(Instruments), id, "is listed twice");
        }
        if (!SubscribeQuotes && !SubscribeTrades && !SubscribeBook && !SubscribeMarkPrices && Instruments.Count > 0)
            throw new HyperliquidConfigException(nameof(SubscribeQuotes), null, "or another Subscribe* option must be on when instruments are listed");
        if (InstrumentLoading is null) throw new HyperliquidConfigException(nameof(InstrumentLoading), null, "must not be null");
        InstrumentLoading.Validate();
        if (PingInterval < TimeSpan.FromSeconds(1) || PingInterval > TimeSpan.FromSeconds(50))
            throw new HyperliquidConfigException(nameof(PingInterval), PingInterval, "must be between 1 s and 50 s (the venue closes idle sockets after 60 s)");
        return this;
    }
}
