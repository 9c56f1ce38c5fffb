/// Bellwether's own finance lexicon, written by hand for news about companies and markets.
///
/// Why not a general lexicon: in financial news most sentiment is not in the words but in
/// *which way something moves and what it is*. "Rose" is good for sales and bad for costs;
/// "narrowed" is good for a loss and bad for a margin. So the lexicon has three kinds of entry:
/// - **direction** words (rise, fall, cut, narrow, up, higher, …) with a strength, a role (verb,
///   noun, adjective, adverb) that tells where their subject usually sits, and an inherent
///   valence used when no subject can be found (a bare "cut" is bad news);
/// - **targets**, the things that move, with a sign: +1 when more is better (sales, profit,
///   orders, dividend, price target), -1 when more is worse (loss, costs, debt, layoffs), 0
///   when the direction says nothing about the company (interest rates, temperature);
/// - **polar** words that carry sentiment on their own (record, beat, lawsuit, bankruptcy).
///
/// Plus the function words the rules need: negators, hedges, intensifiers, contrast markers.
///
/// The entries are plain text parsed once at first use, which compiles far faster than a large
/// dictionary literal and keeps each list readable. Nothing here is learned from the evaluation
/// data: the words are finance vocabulary; their weights are round numbers set by hand.
enum FinanceLexicon {
    /// `word strength role inherent` — role: v verb (subject on the left, object on the
    /// right), n noun ("a rise in sales", "sales growth"), a adjective ("higher costs", "costs
    /// were higher"), r adverb/particle ("EUR 5m, up from 4m"). Inherent is the valence with no target.
    static let upWords = """
    rise 1 v 0.5
    rises 1 v 0.5
    rose 1 v 0.5
    risen 1 v 0.5
    rising 1 a 0.4
    increase 1 v 0.5
    increases 1 v 0.5
    increased 1 v 0.5
    increasing 1 a 0.4
    grow 1 v 0.6
    grows 1 v 0.6
    grew 1 v 0.6
    grown 1 v 0.6
    growing 1 a 0.5
    growth 1 n 0.7
    gain 1 v 0.6
    gains 1 v 0.6
    gained 1 v 0.6
    gaining 1 v 0.6
    climb 1 v 0.6
    climbs 1 v 0.6
    climbed 1 v 0.6
    climbing 1 v 0.6
    jump 1.2 v 0.7
    jumps 1.2 v 0.7
    jumped 1.2 v 0.7
    surge 1.3 v 0.8
    surges 1.3 v 0.8
    surged 1.3 v 0.8
    surging 1.3 a 0.8
    soar 1.3 v 0.8
    soars 1.3 v 0.8
    soared 1.3 v 0.8
    soaring 1.3 a 0.8
    rocket 1.3 v 0.8
    rockets 1.3 v 0.8
    rocketed 1.3 v 0.8
    skyrocket 1.3 v 0.6
    skyrockets 1.3 v 0.6
    skyrocketed 1.3 v 0.6
    spike 1.1 v 0.3
    spikes 1.1 v 0.3
    spiked 1.1 v 0.3
    balloon 1.1 v -0.3
    ballooned 1.1 v -0.3
    mount 0.9 v -0.3
    mounting 0.9 a -0.5
    mounted 0.9 v 0
    boost 1 v 0.7
    boosts 1 v 0.7
    boosted 1 v 0.7
    boosting 1 v 0.7
    lift 1 v 0.6
    lifts 1 v 0.6
    lifted 1 v 0.6
    raise 1 v 0.2
    raises 1 v 0.2
    raised 1 v 0.2
    raising 1 v 0.2
    hike 1 v 0.3
    hikes 1 v 0.3
    hiked 1 v 0.3
    expand 0.9 v 0.6
    expands 0.9 v 0.6
    expanded 0.9 v 0.6
    expanding 0.9 a 0.6
    expansion 0.8 n 0.2
    widen 0.9 v 0
    widens 0.9 v 0
    widened 0.9 v 0
    widening 0.9 a 0
    deepen 1 v -0.5
    deepens 1 v -0.5
    deepened 1 v -0.5
    deepening 1 a -0.5
    double 1.3 v 0.6
    doubled 1.3 v 0.7
    doubles 1.3 v 0.7
    doubling 1.3 v 0.6
    triple 1.3 v 0.6
    tripled 1.3 v 0.7
    triples 1.3 v 0.7
    quadrupled 1.3 v 0.7
    accelerate 1 v 0.6
    accelerates 1 v 0.6
    accelerated 1 v 0.6
    accelerating 1 a 0.6
    advance 0.9 v 0.3
    advances 0.9 v 0.3
    advanced 0.9 v 0
    rally 1.2 v 0.8
    rallies 1.2 v 0.8
    rallied 1.2 v 0.8
    rallying 1.2 v 0.8
    rebound 1.1 v 0.8
    rebounds 1.1 v 0.8
    rebounded 1.1 v 0.8
    recover 1 v 0.7
    recovers 1 v 0.7
    recovered 1 v 0.7
    recovery 1 n 0.7
    pick 0 v 0
    strengthen 1 v 0.8
    strengthens 1 v 0.8
    strengthened 1 v 0.8
    strengthening 1 a 0.7
    extend 0.6 v 0.2
    extends 0.6 v 0.2
    extended 0.6 v 0.2
    add 0.6 v 0
    adds 0.6 v 0
    added 0.6 v 0
    exceed 1 v 0.8
    exceeds 1 v 0.8
    exceeded 1 v 0.8
    top 0.9 v 0
    tops 1 v 0.6
    topped 1 v 0.6
    outpace 1 v 0.6
    outpaces 1 v 0.6
    outpaced 1 v 0.6
    higher 1 a 0.5
    highest 1 a 0.2
    bigger 0.9 a 0.4
    larger 0.8 a 0.3
    greater 0.8 a 0.3
    stronger 1 a 0.8
    better 1 a 0.8
    up 1 r 0.5
    upward 1 r 0.5
    upwards 1 r 0.5
    upside 0.8 n 0.6
    increase 1 n 0.5
    rise 1 n 0.5
    gain 1 n 0.6
    jump 1.2 n 0.7
    surge 1.3 n 0.8
    hike 1 n 0.2
    improvement 1 n 0.4
    upgrade 1.2 v 1.2
    ascend 1 v 0.6
    ascends 1 v 0.6
    ascended 1 v 0.6
    surpass 1 v 0.6
    surpasses 1 v 0.6
    surpassed 1 v 0.6
    surpassing 1 v 0.6
    gains 1 n 0.6
    rally 1.2 n 0.8
    upgrades 1.2 v 1.2
    upgraded 1.2 v 1.2
    pop 1.1 v 0.8
    pops 1.1 v 0.8
    popped 1.1 v 0.8
    zoom 1.1 v 0.7
    zooms 1.1 v 0.7
    zoomed 1.1 v 0.7
    bounce 1 v 0.7
    bounces 1 v 0.7
    bounced 1 v 0.7
    bouncing 1 v 0.7
    spur 0.8 v 0.5
    spurs 0.8 v 0.5
    spurred 0.8 v 0.5
    high 0.6 a 0
    highs 0.8 n 0.7
    peak 0.6 n 0.3
    inch 0.6 v 0
    inches 0.6 v 0
    inched 0.6 v 0.2
    edge 0.6 v 0
    edges 0.6 v 0.3
    edged 0.6 v 0.3
    outstrip 1 v 0.6
    outstripped 1 v 0.6
    improve 1 v 0.8
    improves 1 v 0.8
    improved 1 v 0.8
    improving 1 a 0.8
    """

    static let downWords = """
    fall 1 v -0.5
    falls 1 v -0.5
    fell 1 v -0.5
    fallen 1 v -0.5
    falling 1 a -0.5
    decline 1 v -0.6
    declines 1 v -0.6
    declined 1 v -0.6
    declining 1 a -0.6
    decrease 1 v -0.5
    decreases 1 v -0.5
    decreased 1 v -0.5
    decreasing 1 a -0.5
    drop 1 v -0.6
    drops 1 v -0.6
    dropped 1 v -0.6
    dropping 1 v -0.6
    dip 0.8 v -0.4
    dips 0.8 v -0.4
    dipped 0.8 v -0.4
    slip 0.8 v -0.5
    slips 0.8 v -0.5
    slipped 0.8 v -0.5
    slide 1 v -0.6
    slides 1 v -0.6
    slid 1 v -0.6
    sliding 1 a -0.6
    sink 1.1 v -0.7
    sinks 1.1 v -0.7
    sank 1.1 v -0.7
    sunk 1.1 v -0.7
    tumble 1.2 v -0.8
    tumbles 1.2 v -0.8
    tumbled 1.2 v -0.8
    plunge 1.3 v -0.9
    plunges 1.3 v -0.9
    plunged 1.3 v -0.9
    plunging 1.3 a -0.9
    plummet 1.3 v -0.9
    plummets 1.3 v -0.9
    plummeted 1.3 v -0.9
    slump 1.2 v -0.9
    slumps 1.2 v -0.9
    slumped 1.2 v -0.9
    crash 1.3 v -1
    crashes 1.3 v -1
    crashed 1.3 v -1
    collapse 1.3 v -1
    collapses 1.3 v -1
    collapsed 1.3 v -1
    shrink 1 v -0.6
    shrinks 1 v -0.6
    shrank 1 v -0.6
    shrunk 1 v -0.6
    shrinking 1 a -0.6
    contracted 0.9 v -0.5
    contraction 0.9 n -0.6
    diminish 1 v -0.5
    diminished 1 v -0.5
    diminishes 1 v -0.5
    erode 1 v -0.7
    eroded 1 v -0.7
    erodes 1 v -0.7
    erosion 1 n -0.7
    weaken 1 v -0.8
    weakens 1 v -0.8
    weakened 1 v -0.8
    weakening 1 a -0.8
    deteriorate 1 v -0.9
    deteriorated 1 v -0.9
    deteriorates 1 v -0.9
    deteriorating 1 a -0.9
    deterioration 1 n -0.9
    worsen 1 v -0.8
    worsened 1 v -0.8
    worsens 1 v -0.8
    worsening 1 a -0.8
    cut 1 v -0.7
    cuts 1 v -0.7
    cutting 1 v -0.6
    slash 1.2 v -0.8
    slashes 1.2 v -0.8
    slashed 1.2 v -0.8
    lower 1 a -0.5
    lowers 1 v -0.6
    lowered 1 v -0.6
    lowering 1 v -0.5
    lowest 1 a -0.2
    reduce 1 v -0.1
    reduces 1 v -0.1
    reduced 1 v -0.2
    reducing 1 v -0.1
    reduction 1 n -0.2
    reductions 1 n -0.2
    trim 0.8 v -0.4
    trims 0.8 v -0.4
    trimmed 0.8 v -0.4
    narrow 0.9 v 0
    narrows 0.9 v 0
    narrowed 0.9 v 0
    narrowing 0.9 a 0
    halve 1.2 v -0.6
    halved 1.2 v -0.6
    halves 1.2 v -0.6
    ease 0.7 v -0.2
    eases 0.7 v -0.2
    eased 0.7 v -0.2
    easing 0.7 a 0
    slow 0.8 v -0.5
    slows 0.8 v -0.5
    slowed 0.8 v -0.5
    slowing 0.8 a -0.5
    slowdown 1 n -0.8
    slower 0.8 a -0.5
    weaker 1 a -0.8
    worse 1 a -0.8
    smaller 0.8 a -0.3
    down 1 r -0.5
    downward 1 r -0.5
    downwards 1 r -0.5
    downside 0.8 n -0.6
    decline 1 n -0.6
    declines 1 n -0.6
    decrease 1 n -0.5
    drop 1 n -0.6
    fall 1 n -0.5
    cut 1 n -0.6
    cuts 1 n -0.6
    dip 0.8 n -0.4
    slump 1.2 n -0.9
    plunge 1.3 n -0.9
    downgrade 1.2 v -1.2
    downgrades 1.2 v -1.2
    downgraded 1.2 v -1.2
    dive 1.2 v -0.9
    dives 1.2 v -0.9
    dived 1.2 v -0.9
    fade 0.8 v -0.5
    fades 0.8 v -0.5
    faded 0.8 v -0.5
    eroding 1 a -0.7
    diminishing 1 a -0.6
    tank 1.2 v -0.9
    tanks 1.2 v -0.9
    tanked 1.2 v -0.9
    tanking 1.2 v -0.9
    low 0.6 a 0
    lows 0.8 n -0.7
    slowdowns 1 n -0.8
    retreat 0.9 v -0.5
    retreats 0.9 v -0.5
    retreated 0.9 v -0.5
    sag 0.9 v -0.6
    sags 0.9 v -0.6
    sagged 0.9 v -0.6
    shed 1 v -0.6
    sheds 1 v -0.6
    decelerate 1 v -0.6
    decelerates 1 v -0.6
    decelerated 1 v -0.6
    decelerating 1 a -0.6
    stumble 1 v -0.7
    stumbles 1 v -0.7
    stumbled 1 v -0.7
    crashing 1.3 v -1
    pare 0.9 v -0.3
    pares 0.9 v -0.3
    pared 0.9 v -0.3
    erase 1 v -0.4
    erases 1 v -0.4
    erased 1 v -0.4
    halt 1 v -0.7
    halts 1 v -0.7
    halted 1 v -0.8
    suspend 1 v -0.7
    suspends 1 v -0.7
    suspended 1 v -0.8
    stall 1 v -0.7
    stalls 1 v -0.7
    stalled 1 v -0.8
    reverse 0.8 v -0.3
    reversed 0.8 v -0.3
    lose 1 v -0.7
    loses 1 v -0.7
    lost 1 v -0.7
    losing 1 v -0.7
    """

    /// `word sign weight`: the things that move. Sign +1 when more is better for the company or
    /// its holders, -1 when more is worse, 0 when a direction says nothing by itself.
    static let targets = """
    sales 1 1
    sale 1 0.6
    revenue 1 1
    revenues 1 1
    turnover 1 1
    income 1 1
    profit 1 1
    profits 1 1
    profitability 1 1
    earnings 1 1
    eps 1 1
    ebit 1 1
    ebitda 1 1
    ebita 1 1
    result 1 0.8
    results 1 0.8
    margin 1 1
    margins 1 1
    order 1 0.9
    orders 1 0.9
    intake 1 0.9
    backlog 1 0.8
    bookings 1 0.9
    demand 1 1
    share 1 0.8
    shares 1 0.9
    stock 1 0.9
    stocks 1 0.9
    price 1 0.7
    prices 1 0.7
    valuation 1 0.8
    value 1 0.7
    dividend 1 1
    dividends 1 1
    payout 1 0.9
    volume 1 0.8
    volumes 1 0.8
    deliveries 1 0.9
    shipments 1 0.9
    production 1 0.7
    output 1 0.7
    exports 1 0.8
    traffic 1 0.8
    passengers 1 0.8
    customers 1 0.8
    subscribers 1 0.8
    users 1 0.8
    capacity 1 0.6
    cash 1 0.8
    flow 1 0.8
    guidance 1 1
    forecast 1 1
    forecasts 1 1
    outlook 1 1
    estimate 1 0.9
    estimates 1 0.9
    expectations 1 0.9
    target 1 0.9
    targets 1 0.9
    pt 1 1
    rating 1 0.9
    ratings 1 0.8
    productivity 1 0.9
    efficiency 1 0.9
    performance 1 0.9
    market 1 0.9
    markets 1 0.9
    index 1 1
    indexes 1 1
    indices 1 1
    futures 1 0.9
    nasdaq 1 1
    dow 1 1
    ftse 1 1
    dax 1 1
    nikkei 1 1
    hang 1 0.6
    equities 1 1
    bonds 1 0.5
    views 1 0.8
    consensus 1 0.8
    economy 1 0.8
    gdp 1 0.8
    confidence 1 0.9
    sentiment 1 0.8
    jobs 1 0.9
    job 1 0.9
    workforce 1 0.8
    staff 1 0.8
    employees 1 0.7
    headcount 1 0.7
    personnel 1 0.7
    employment 1 0.8
    payrolls 1 0.8
    spending 1 0.6
    investment 1 0.5
    investments 1 0.5
    assets 1 0.6
    deposits 1 0.7
    premiums 1 0.8
    equity 1 0.6
    stake 1 0.3
    growth 1 0.9
    momentum 1 0.9
    occupancy 1 0.8
    utilization 1 0.8
    yield 0 0
    yields 0 0
    claims 1 -0.7
    hiring 1 0.9
    toll 1 -1
    deaths 1 -1
    infections 1 -1
    casualties 1 -1
    jobless 1 -1
    supply 0 0
    return 1 0.8
    returns 1 0.8
    loss 1 -1
    losses 1 -1
    deficit 1 -0.9
    costs 1 -0.8
    cost 1 -0.7
    expenses 1 -0.8
    expense 1 -0.7
    expenditure 1 -0.5
    charges 1 -0.8
    charge 1 -0.6
    debt 1 -0.8
    debts 1 -0.8
    liabilities 1 -0.6
    leverage 1 -0.5
    gearing 1 -0.6
    borrowing 1 -0.5
    borrowings 1 -0.5
    impairment 1 -0.9
    impairments 1 -0.9
    writedown 1 -0.9
    provisions 1 -0.7
    inflation 1 -0.7
    unemployment 1 -1
    layoffs 1 -1
    redundancies 1 -1
    risk 1 -0.8
    risks 1 -0.8
    uncertainty 1 -0.9
    volatility 1 -0.6
    inventories 0 0
    inventory 0 0
    churn 1 -0.9
    defaults 1 -0.9
    delinquencies 1 -0.9
    vacancy 1 -0.8
    bankruptcies 1 -0.9
    tax 1 -0.4
    taxes 1 -0.4
    tariffs 1 -0.8
    tariff 1 -0.8
    competition 1 -0.6
    pressure 1 -0.8
    pressures 1 -0.8
    headwinds 1 -0.9
    headwind 1 -0.9
    shortfall 1 -0.9
    rate 0 0
    rates 0 0
    temperature 0 0
    temperatures 0 0
    population 0 0
    age 0 0
    number 0 0
    amount 0 0
    proportion 0 0
    bid 0 0
    offer 0 0
    voice 0 0
    presence 1 0.5
    """

    /// `word value`: words with a sentiment of their own in financial news.
    static let polar = """
    loss -0.8
    better 0.6
    record 0.9
    records 0.7
    risks -0.5
    risk -0.3
    pullback -0.6
    enthusiasm 0.5
    missing -1
    fizzles -0.8
    fizzled -0.8
    darker -0.6
    terrible -1.1
    miserable -1
    perilous -0.9
    implicated -0.7
    hackers -0.6
    emergency -0.4
    reject -0.4
    rejects -0.4
    rejected -0.4
    soft -0.6
    softer -0.6
    alarm -0.8
    drowns -0.8
    guilty -0.9
    breakout 0.8
    buyback 0.7
    buybacks 0.7
    repurchase 0.5
    great 0.6
    favorite 0.4
    favourite 0.4
    warming 0.4
    discovery 0.6
    reclaiming 0.5
    amassed 0.4
    insolvencies -1
    bankruptcies -1
    risky -0.6
    riskiest -0.8
    losers -0.8
    loser -0.7
    best 0.4
    worst -0.9
    encouraging 0.9
    encouraged 0.8
    victory 0.5
    street-high 0.9
    street-low -0.9
    primed 0.4
    backward -0.5
    turbulent -0.7
    turbulence -0.7
    threaten -0.8
    ban -0.3
    bans -0.4
    banned -0.7
    banning -0.6
    wrong -0.5
    botched -0.9
    ridicule -0.8
    calamity -1
    ugly -0.8
    unfit -0.7
    stripped -0.6
    disorderly -0.8
    retrench -0.6
    hurdle -0.5
    hurdles -0.5
    setback -0.9
    setbacks -0.9
    bullishness 0.5
    outflows -0.6
    inflows 0.6
    losses -0.8
    deficit -0.6
    strong 1
    strongly 0.5
    robust 1
    solid 0.8
    healthy 0.8
    good 0.5
    excellent 1.2
    positive 0.9
    favorable 0.9
    favourable 0.9
    successful 0.7
    successfully 0.9
    success 0.6
    profitable 0.9
    win 0.5
    wins 0.5
    won 0.9
    winning 0.7
    winner 0.8
    winners 0.8
    awarded 0.9
    award 0.5
    beat 1.2
    beats 1.2
    beating 1
    outperform 1.1
    outperformed 1.1
    outperforms 1.1
    outperforming 1
    bullish 1.1
    bull 0.8
    bulls 0.6
    optimistic 1
    optimism 1
    confident 0.8
    upbeat 1
    boom 0.9
    booming 1
    breakthrough 1
    milestone 0.8
    opportunity 0.3
    opportunities 0.3
    benefit 0.4
    benefits 0.3
    benefited 0.8
    benefiting 0.7
    beneficial 0.7
    gainers 0.8
    attractive 0.7
    leading 0.25
    leader 0.3
    innovative 0.4
    efficient 0.5
    pleased 0.9
    satisfied 0.8
    excited 0.9
    proud 0.8
    delighted 1
    welcome 0.6
    welcomed 0.6
    praise 0.7
    praised 0.7
    secure 0.4
    secured 0.7
    signed 0.6
    agreed 0.2
    supportive 0.6
    resilient 0.8
    stable 0.3
    steady 0.3
    sustainable 0.4
    progressed 0.8
    progress 0.6
    thrive 1
    thriving 1
    prosper 1
    upturn 1
    tailwind 0.9
    tailwinds 0.9
    catalyst 0.6
    catalysts 0.6
    exploding 0.9
    bargain 0.5
    undervalued 0.8
    high-margin 0.6
    top-pick 1
    all-time 0.3
    turnaround 0.9
    savings 0.3
    synergies 0.6
    approval 0.2
    approved 0.2
    approves 0.2
    launch 0.2
    launches 0.2
    launched 0.2
    hire 0.5
    hiring 0.5
    hires 0.4
    profit-making 0.8
    weak -1
    weakly -0.5
    weakness -1
    poor -1
    bad -0.9
    negative -0.9
    unfavorable -0.9
    unfavourable -0.9
    difficult -0.8
    difficulties -0.9
    difficulty -0.8
    tough -0.7
    challenging -0.7
    challenges -0.3
    challenge -0.3
    problem -0.5
    problems -0.9
    trouble -0.9
    troubles -0.9
    troubled -0.9
    crisis -0.8
    recession -1.1
    downturn -1
    bankruptcy -1.3
    bankrupt -1.3
    insolvency -1.2
    insolvent -1.2
    default -0.9
    defaulted -1
    fraud -1.3
    scandal -0.8
    lawsuit -0.9
    lawsuits -0.9
    sued -0.9
    sues -0.9
    sue -0.8
    litigation -0.7
    probe -0.6
    investigation -0.7
    investigating -0.6
    fined -1
    penalty -0.8
    penalties -0.8
    violation -0.8
    violations -0.8
    recall -0.8
    recalls -0.8
    recalled -0.8
    warning -1
    warns -1
    warned -1
    warn -0.9
    miss -1.1
    misses -1.1
    missed -1.1
    disappoint -1
    disappoints -1
    disappointed -1
    disappointing -1.1
    disappointment -1.1
    underperform -1.1
    underperformed -1.1
    underperforms -1.1
    bearish -1.1
    bear -0.7
    bears -0.6
    pessimistic -1
    pessimism -1
    concerns -0.7
    worried -0.8
    worries -0.8
    worry -0.7
    fear -0.8
    fears -0.8
    feared -0.7
    threat -0.7
    threatens -0.8
    threatened -0.7
    jeopardize -0.9
    jeopardy -0.9
    loss-making -1
    unprofitable -1
    layoff -1
    redundancy -0.9
    lay-offs -1
    laid -0.3
    furlough -0.9
    furloughs -0.9
    dismissals -0.9
    closure -0.8
    closures -0.8
    shut -0.6
    shutdown -0.8
    delay -0.7
    delayed -0.7
    delays -0.7
    postponed -0.6
    cancel -0.7
    cancelled -0.8
    canceled -0.8
    cancels -0.7
    cancellation -0.7
    terminated -0.5
    termination -0.5
    dispute -0.7
    disputes -0.7
    strike -0.4
    strikes -0.4
    shortage -0.8
    shortages -0.8
    volatile -0.5
    turmoil -1
    uncertain -0.6
    uncertainties -0.6
    hurt -0.9
    hurts -0.9
    harm -0.9
    damage -0.8
    damaged -0.8
    suffer -0.9
    suffered -0.9
    suffering -0.9
    struggle -0.9
    struggles -0.9
    struggling -1
    fail -0.9
    failed -0.9
    fails -0.9
    failure -1
    failures -0.9
    lag -0.7
    lagged -0.7
    lags -0.6
    lagging -0.7
    sluggish -0.9
    gloom -1
    gloomy -1
    bleak -1
    dismal -1.1
    grim -1
    woes -1
    woe -0.9
    pain -0.8
    painful -0.9
    selloff -1
    sell-off -1
    rout -1.1
    panic -1
    overvalued -0.7
    dilution -0.7
    dilutive -0.7
    friction -0.5
    unwind -0.4
    compress -0.6
    scrapped -0.7
    downtime -0.6
    outage -0.8
    breach -0.9
    hack -0.9
    hacked -0.9
    write-down -0.9
    write-downs -0.9
    writedowns -0.9
    restructuring -0.3
    resign -0.4
    resigns -0.4
    resigned -0.4
    ousted -0.8
    exit -0.2
    burden -0.6
    """

    /// Words that reverse what follows, within their clause.
    static let negators: Set<String> = [
        "not", "no", "never", "n't", "without", "nor", "neither", "cannot", "none", "nothing", "lack",
        "lacks", "lacked", "absent", "nobody", "hardly", "barely", "unable",
    ]
    /// Hedges: statements of possibility weigh less than statements of fact.
    static let hedges: [String: Double] = [
        "may": 0.6, "might": 0.55, "could": 0.6, "would": 0.8, "possibly": 0.6, "possible": 0.7,
        "perhaps": 0.6, "potential": 0.7, "potentially": 0.65, "probably": 0.8, "likely": 0.85,
        "unlikely": 0.4, "uncertain": 0.8, "if": 0.7, "whether": 0.6, "reportedly": 0.8,
        "rumor": 0.6, "rumour": 0.6, "rumors": 0.6, "speculation": 0.6, "expects": 0.9, "expected": 0.9,
        "expect": 0.9, "anticipates": 0.9, "anticipated": 0.9, "estimates": 0.95, "predicts": 0.85,
        "forecasts": 0.9, "plans": 0.9, "aims": 0.85, "seeks": 0.85, "hopes": 0.8, "should": 0.8,
        "can": 0.8, "targets": 0.9, "assumes": 0.7, "if-then": 0.7,
    ]
    /// Intensifiers (> 1) and dampeners (< 1) of the nearest scored word.
    static let degree: [String: Double] = [
        "sharply": 1.4, "significantly": 1.3, "substantially": 1.3, "considerably": 1.3,
        "dramatically": 1.4, "markedly": 1.3, "strongly": 1.3, "greatly": 1.3, "hugely": 1.4,
        "massively": 1.4, "rapidly": 1.2, "steeply": 1.4, "very": 1.2, "much": 1.2, "far": 1.1,
        "extremely": 1.4, "highly": 1.2, "huge": 1.3, "massive": 1.3, "big": 1.1,
        "major": 1.1, "steep": 1.3, "sharp": 1.3, "significant": 1.2, "substantial": 1.2,
        "double-digit": 1.2, "further": 1.1,
        "slightly": 0.8, "marginally": 0.7, "somewhat": 0.8, "modestly": 0.8, "moderately": 0.8,
        "slight": 0.8, "marginal": 0.7, "modest": 0.8, "small": 0.8, "little": 0.7, "mildly": 0.8,
    ]
    /// Contrast markers: what precedes them weighs less than what follows.
    static let contrast: Set<String> = ["but", "however", "yet", "nevertheless", "nonetheless", "still", "though", "whereas"]
    /// Concessive markers: the clause they open weighs less ("despite weak sales, profit rose").
    static let concessive: Set<String> = ["despite", "although", "though", "notwithstanding", "while"]
    /// Words that mark the base of a comparison ("EUR 5m versus EUR 3m", "compared with a loss").
    static let comparators: Set<String> = ["versus", "vs", "compared", "against", "from", "than"]
}
