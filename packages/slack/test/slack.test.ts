import { describeEndToEnd, describeProvider } from '@passport-genauth/testing';
import * as slack from '../src';

describeProvider(slack);
describeEndToEnd(slack);
