/** Nothing to set up yet: server tests start their own servers. */
export default function setup(): void {}
