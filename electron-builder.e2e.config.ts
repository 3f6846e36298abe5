import { builderConfig } from './electron-builder.config'

/** The test flavour (`npm run dist:e2e`): the release build with the inspect fuse on and environment overrides allowed. */
export default builderConfig('e2e')
